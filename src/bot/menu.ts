/**
 * The command menu (setMyCommands). Examples name bodies on file, by the short names people type; with nothing
 * on file they stay generic. No bundled example body is named here.
 */
import { shortName } from '../domain/gazetteer.js';

interface Named { name: string; kind: string; region: string[]; years: number[] }

const GENERIC = { a: '某区', b: '某县', year: 2024, place: '某省' };

/** A body as people would type it: the place for a government, else its name. */
function short(b: Named): string {
  const deep = b.region.at(-1);
  return b.kind === 'government' && deep ? shortName(deep) : b.name;
}

function examples(bodies: Named[]) {
  const on = bodies.filter((b) => b.years.length).sort((x, y) => y.years.length - x.years.length);
  if (!on.length) return GENERIC;
  const year = Math.max(...on[0].years);
  const other = on.find((b) => b !== on[0] && b.years.includes(year)) ?? on[1] ?? on[0];
  return { a: short(on[0]), b: short(other), year, place: on[0].region[0] ?? GENERIC.place };
}

export function commandMenu(bodies: Named[] = []): { command: string; description: string }[] {
  const e = examples(bodies);
  return [
    { command: 'ask', description: `提问，例如 /ask ${e.a}${e.year}年收到多少申请` },
    { command: 'reports', description: '库中有哪些单位和年份' },
    { command: 'report', description: `一份报告的主要数字：/report ${e.a} ${e.year}` },
    { command: 'audit', description: `一份报告的审核发现：/audit ${e.a} ${e.year}` },
    { command: 'compare', description: `两个单位对比：/compare ${e.a} ${e.b} ${e.year}` },
    { command: 'subscribe', description: `新报告提醒：/subscribe ${e.place}、/subscribe 机关名称 或 /subscribe 全部` },
    { command: 'unsubscribe', description: '取消提醒：/unsubscribe 名称 或 /unsubscribe 全部' },
    { command: 'subscriptions', description: '本聊天订阅了哪些提醒' },
    { command: 'help', description: '怎么用' },
  ];
}

/** A question about what is on file, for greetings: 「某区2024年收到多少申请」. */
export function exampleQuestion(bodies: Named[] = []): string {
  const e = examples(bodies);
  return `${e.a}${e.year}年收到多少申请`;
}

/** The menu without examples from the database (generic). */
export const COMMANDS = commandMenu();
