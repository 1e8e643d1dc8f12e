/** An answer sent to a chat: HTML, split under the limit, quoting the question in groups, clarifying buttons. */
import { InlineKeyboard, InputFile, type Context } from 'grammy';
import { tableCsv, type Answer } from '../query/answer.js';
import { chatKey, replyTo } from './context.js';
import { formatAnswer } from './format.js';
import { ChatState, type PendingQuestion } from './state.js';

export async function sendAnswer(
  ctx: Context, state: ChatState, a: Answer, kind: PendingQuestion['kind'] = 'ask', question = '',
): Promise<void> {
  const messages = formatAnswer(a);
  let keyboard: InlineKeyboard | undefined;
  if (a.status === 'clarify' && a.options?.length) {
    const token = ChatState.remember(state.questions, { question, chatKey: chatKey(ctx), kind });
    keyboard = new InlineKeyboard();
    for (const o of a.options.slice(0, 8)) keyboard.text(o.label, `c:${o.id.replace(/^body:/, '')}:${token}`).row();
  }
  for (let i = 0; i < messages.length; i++) {
    await ctx.reply(messages[i], {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(i === 0 ? replyTo(ctx) : {}),
      ...(i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
    });
  }
  // a ranking longer than a message: the whole list as a CSV file, not a 1.5 MB message
  if (a.table) await ctx.replyWithDocument(new InputFile(Buffer.from(tableCsv(a.table), 'utf8'), a.table.name));
}
