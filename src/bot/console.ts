/** The console chat: the same answers as the bot, as plain text in the terminal, with follow-up context. */
import { createInterface } from 'node:readline';
import type { QueryEngine } from '../query/engine.js';
import { renderPlain } from './render.js';

export async function runConsole(engine: QueryEngine, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const tty = (input as { isTTY?: boolean }).isTTY === true;
  const write = (s: string) => output.write(`${s}\n`);
  const bodies = engine.bodies.filter((b) => b.years.length);
  write('年报助手 · 控制台对话（没有设置 BOT_TOKEN，所以没有连接 Telegram）');
  write(`库中有 ${bodies.length} 个单位的年度报告：${bodies.map((b) => `${b.name}（${b.years.join('、')}）`).join('；')}`);
  write('直接输入问题，例如：番禺2024年收到多少政府信息公开申请？  追问：那2023年呢 / 自然人呢');
  write('运行 Telegram 机器人：设置 BOT_TOKEN（见 .env.example）后再 npm start。输入 exit 或按 Ctrl-D 退出。');
  const rl = createInterface({ input, output: tty ? output : undefined, terminal: tty, crlfDelay: Infinity });
  if (tty) { rl.setPrompt('问> '); rl.prompt(); }
  for await (const line of rl) {
    const q = line.trim();
    if (q === 'exit' || q === 'quit' || q === '退出') break;
    if (q) {
      try {
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
