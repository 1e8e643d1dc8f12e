/**
 * The console chat: the same answers as the bot, as plain text in the terminal, with follow-up context.
 * `beforeAnswer` runs before each answer (main.ts: the check for reports other processes added).
 */
import { createInterface } from 'node:readline';
import type { QueryEngine } from '../query/engine.js';
import { exampleQuestion } from './menu.js';
import { renderPlain } from './render.js';

/** Bodies the opening banner names (the rest are counted). */
const BANNER_BODIES = 10;

export async function runConsole(
  engine: QueryEngine, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, beforeAnswer?: () => void,
): Promise<void> {
  const tty = (input as { isTTY?: boolean }).isTTY === true;
  const write = (s: string) => output.write(`${s}\n`);
  const bodies = engine.examples(20);
  const count = engine.withReports();
  write('年报助手 · 控制台对话（没有设置 BOT_TOKEN，所以没有连接 Telegram）');
  const named = bodies.slice(0, BANNER_BODIES).map((b) => `${b.name}（${b.years.join('、')}）`).join('；');
  const more = count > BANNER_BODIES ? ' 等（问「数据库里有哪些报告」看全部）' : '';
  write(`库中有 ${count} 个单位的年度报告：${named}${more}`);
  write(`直接输入问题，例如：${exampleQuestion(bodies)}？  追问：那上一年呢 / 自然人呢`);
  write('运行 Telegram 机器人：设置 BOT_TOKEN（见 .env.example）后再 npm start。输入 exit 或按 Ctrl-D 退出。');
  const rl = createInterface({ input, output: tty ? output : undefined, terminal: tty, crlfDelay: Infinity });
  if (tty) { rl.setPrompt('问> '); rl.prompt(); }
  for await (const line of rl) {
    const q = line.trim();
    if (q === 'exit' || q === 'quit' || q === '退出') break;
    if (q) {
      try {
        beforeAnswer?.();
        write(renderPlain(engine.ask(q, { chat: 'console' })));
      } catch (e) {
        write(`抱歉，回答这个问题时出错了：${(e as Error).message}`);
      }
      write('');
    }
    if (tty) rl.prompt();
  }
  rl.close();
}
