/**
 * One synthetic report as text: title, 一、总体情况 (with the figures the narrative states, equal to the tables),
 * the three tables, 五、六 and a contact line whose address (and telephone area code) places the body, then the
 * signature and date. Everything variable is drawn from the report's own generator.
 */
import type { SynthBody } from './bodies.js';
import { HEADINGS, ROADS } from './labels.js';
import { renderParagraph, renderTable, type Layout } from './layouts.js';
import type { Figures } from './numbers.js';
import type { Rng } from './prng.js';
import { activeTable, applicationsTable, reviewTable } from './tables.js';

export interface RenderInput {
  body: SynthBody;
  /** The name this report prints (the body's full or short name). */
  printed: string;
  year: number;
  figures: Figures;
  layout: Layout;
  /** Zeros of tables B and C printed as blank cells. */
  blank: boolean;
  /** ISO date of the signature. */
  published: string;
  /** Print the address (and phone) that places the body. */
  contact: boolean;
}

const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

function title(r: Rng, name: string, year: number, layout: Layout): string[] {
  const gap = layout === 'spaces' ? ' ' : '';
  const full = `${name}${gap}${year}${gap}年政府信息公开工作年度报告`;
  switch (r.int(0, 2)) {
    case 0: return [full];
    case 1: return [`${name}${gap}${year}${gap}年`, '政府信息公开工作年度报告'];
    default: return [`${name}${gap}${year}${gap}年政府信息`, '公开工作年度报告'];
  }
}

function overview(r: Rng, x: RenderInput): string[] {
  const apps = x.figures.applications;
  const rl = x.figures.review_litigation;
  const received = apps.new_received[6];
  const litigation = rl.litigation_direct[4] + rl.litigation_after_review[4];
  const lines = [
    `${x.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，`
      + '持续完善公开机制，不断提升政务公开工作质量。',
    `（一）主动公开情况。全年通过门户网站主动公开政府信息${r.int(50, 5000)}条，及时发布机构职能、政策文件、规划计划等信息。`,
    `（二）依申请公开情况。${x.year}年共收到政府信息公开申请${received}件，均在法定期限内答复。`,
    rl.review[4] === 0 && litigation === 0
      ? '全年未发生政府信息公开行政复议、行政诉讼案件。'
      : `全年被申请行政复议${rl.review[4]}件，被提起行政诉讼${litigation}件。`,
    '（三）政府信息管理情况。严格落实信息发布审核制度，按要求先审后发，确保公开内容准确规范。',
  ];
  return lines.map((l) => renderParagraph(l, x.layout));
}

function contactLine(r: Rng, b: SynthBody): string {
  const addr = `${b.region.join('')}${r.pick(ROADS)}${r.int(1, 300)}号`;
  const phone = b.areaCode ? `，联系电话：${b.areaCode}-${r.int(2, 8)}${String(r.int(0, 9999999)).padStart(7, '0')}` : '';
  return `联系地址：${addr}${phone}。`;
}

export function renderReport(r: Rng, x: RenderInput): string {
  const blank = x.blank;
  const parts: string[] = [
    ...title(r, x.printed, x.year, x.layout),
    '',
    HEADINGS.overview,
    ...overview(r, x),
    HEADINGS.active,
    renderTable(activeTable(x.figures), x.layout),
    HEADINGS.applications,
    renderTable(applicationsTable(x.figures, blank), x.layout),
    HEADINGS.review,
    renderTable(reviewTable(x.figures, blank), x.layout),
    HEADINGS.problems,
    renderParagraph('政府信息公开工作仍存在公开内容不够全面、解读形式较为单一等问题。下一步将加强培训，提升公开质量。', x.layout),
    HEADINGS.other,
    renderParagraph(`本机关${x.year}年未收取政府信息公开信息处理费。`, x.layout),
    ...(x.contact ? [contactLine(r, x.body)] : []),
    '',
    x.printed,
    cnDate(x.published),
  ];
  const sep = x.layout === 'spaces' ? '\n\n' : '\n';
  return `${parts.join(sep)}\n`;
}
