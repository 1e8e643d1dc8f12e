/** What the bot can be asked, with examples made from the bodies on file (never a fixed example body). */
import { answer, type Answer } from '../answer.js';
import type { BodyIndex, BodyInfo } from '../bodies.js';
import { M } from '../messages.js';
import { inventory, type Ctx } from './common.js';

/** How people would type a body: the place for a government, the short rest of a department's name. */
export function shortForm(index: BodyIndex, b: BodyInfo): string {
  const rest = index.restOf(b.id);
  if (/^(人民政府|政府)$/.test(rest) && b.region.length) return b.region[b.region.length - 1];
  return rest.length >= 3 && rest !== b.name ? rest : b.name;
}

/** The bodies the examples are taken from (those with the most reports). */
const EXAMPLES_FROM = 20;

export function helpText(index: BodyIndex): string {
  const on = index.mostReported(EXAMPLES_FROM);
  if (!on.length) return M.emptyLibrary;
  const a = shortForm(index, on[0]), b = shortForm(index, on[1] ?? on[0]);
  const y = on[0].years[on[0].years.length - 1];
  const twoYears = on.find((x) => x.years.some((yy) => x.years.includes(yy - 1)));
  return [
    '可以这样问：',
    `· ${a}${y}年收到多少政府信息公开申请？`,
    `· ${a}${y}年的公开率是多少 / 复议纠错率`,
    ...(on.length > 1 ? [`· ${a}和${b}${y}年谁收到的申请多`] : []),
    `· ${y}年哪个单位收到的申请最多 / 各单位排名 / 排名第二的是谁`,
    `· ${a}${y}年收到申请在全市排第几 / 全省 / 全国`,
    ...(on[0].region.length ? [`· ${on[0].region[0]}${y}年各区县收到申请合计多少 / 平均每个单位多少`] : []),
    ...(twoYears ? [`· ${shortForm(index, twoYears)}申请量比上一年增加了多少`] : []),
    `· ${a}${y}年报告的数据一致吗 / ${b}的年报是哪天发布的`,
    '· 数据库里有哪些报告？',
  ].join('\n');
}

export function help(ctx: Ctx): Answer {
  return answer('answered', `我能回答各单位政府信息公开工作年度报告里的数字和内容。\n${helpText(ctx.index)}\n\n${inventory(ctx)}`);
}
