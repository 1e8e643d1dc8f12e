/**
 * Renders a report's truth (the expected JSON) as a document the way publishers do: a whole government web
 * page with navigation, or plain text with tabs or Markdown pipes. Tests use it to check that parsing does not
 * depend on the few fixtures at hand. `blank(row, col, value)` decides which cells are printed empty.
 */
import { ALL_APPLICATION_ROWS, ACTIVE_ROWS, REVIEW_GROUPS, type Format } from '../../src/ingest/template.js';
import type { Expected } from './cases.js';

export type Blank = (table: string, row: string, col: number, value: number | null) => boolean;
const noBlank: Blank = () => false;

const GROUP_LABEL: Record<string, string> = { denied: '（三）不予公开', unavailable: '（四）无法提供', rejected: '（五）不予处理', other: '（六）其他处理' };
const shortLabel = (label: string) => label.replace(/^（[三四五六]）\S+ /, '');

function appRows(e: Expected): { key: string; group?: string; label: string }[] {
  const keys = Object.keys(e.applications ?? {});
  return ALL_APPLICATION_ROWS.filter((d) => keys.includes(d.key)).map((d) => ({ key: d.key, group: d.group && d.key !== 'other_total' ? d.group : undefined, label: shortLabel(d.label) }));
}

const cell = (v: number | null | undefined, blank: boolean) => (blank || v === null || v === undefined ? '' : String(v));

export function renderHtml(e: Expected, opts: { blank?: Blank; published?: string; nav?: boolean } = {}): string {
  const blank = opts.blank ?? noBlank;
  const td = (s: string, attrs = '') => `<td${attrs}><p align="center">${s === '' ? '&nbsp;' : s}</p></td>`;
  const format = (e.format === '2021' ? '2021' : '2019') as Format;
  const nav = opts.nav === false ? '' : `<div class="nav-menu"><ul><li><a href="#">首页</a></li><li><a href="#">${e.org}${e.year - 1}年政府信息公开工作年度报告</a></li><li><a href="#">${e.org}${e.year - 2}年政府信息公开工作年度报告</a></li></ul></div><div class="breadcrumb">当前位置：首页 &gt; 政府信息公开 &gt; 年报</div>`;
  const a = ACTIVE_ROWS[format].map((d) => `<tr><td>${d.label}</td>${d.columns.map((c, i) => td(cell(e.active?.[d.key]?.[c], blank('active', d.key, i, e.active?.[d.key]?.[c] ?? null)))).join('')}</tr>`).join('');
  const rows = appRows(e);
  let seenGroup = '';
  const b = rows.map((r) => {
    const vals = e.applications![r.key].map((v, i) => td(cell(v, blank('applications', r.key, i, v)))).join('');
    if (r.key === 'new_received' || r.key === 'carried_over' || r.key === 'carried_forward') return `<tr><td colspan="3"><p>${r.label}</p></td>${vals}</tr>`;
    const first = r.key === 'granted' ? `<td rowspan="${rows.length - 3}"><p>三、本年度办理结果</p></td>` : '';
    if (!r.group) return `<tr>${first}<td colspan="2"><p>${r.label}</p></td>${vals}</tr>`;
    const n = rows.filter((x) => x.group === r.group).length;
    const g = seenGroup !== r.group ? `<td rowspan="${n}"><p>${GROUP_LABEL[r.group]}</p></td>` : '';
    seenGroup = r.group;
    return `<tr>${first}${g}<td><p>${r.label}</p></td>${vals}</tr>`;
  }).join('');
  const c = REVIEW_GROUPS.flatMap((g) => e.review_litigation![g].map((v, i) => td(cell(v, blank('review_litigation', g, i, v))))).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${e.org}${e.year}年政府信息公开工作年度报告</title><script>var x = "<p>不是正文</p>";</script></head><body>
${nav}
<div class="TRS_Editor">
<p style="text-align:center;font-weight:bold">${e.org}${e.year}年政府信息公开工作年度报告</p>
${opts.published ? `<p style="text-align:center">发布日期：${opts.published}</p>` : ''}
<p>一、总体情况</p><p>${e.year}年，本机关认真贯彻《中华人民共和国政府信息公开条例》，做好政府信息公开工作。</p>
<p>二、主动公开政府信息情况</p><table border="1"><tbody><tr><td colspan="4"><p>第二十条第（一）项</p></td></tr>${a}</tbody></table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1"><tbody>
<tr><td colspan="3" rowspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></td><td colspan="7"><p>申请人情况</p></td></tr>
<tr><td rowspan="2"><p>自然人</p></td><td colspan="5"><p>法人或其他组织</p></td><td rowspan="2"><p>总计</p></td></tr>
<tr><td><p>商业企业</p></td><td><p>科研机构</p></td><td><p>社会公益组织</p></td><td><p>法律服务机构</p></td><td><p>其他</p></td></tr>
${b}
</tbody></table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1"><tbody>
<tr><td colspan="5"><p>行政复议</p></td><td colspan="10"><p>行政诉讼</p></td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>
<tr>${c}</tr>
</tbody></table>
<p>五、存在的主要问题及改进情况</p><p>政务公开工作仍有不足。</p>
<p>六、其他需要报告的事项</p><p>无。</p>
</div>
<div class="footer">主办单位：某某人民政府办公室 版权所有</div>
</body></html>`;
}

/** The same report as a plain-text table in the layout text extractors produce (tabs or Markdown pipes). */
export function renderText(e: Expected, style: 'tabs' | 'pipes', opts: { blank?: Blank } = {}): string {
  const blank = opts.blank ?? noBlank;
  const format = (e.format === '2021' ? '2021' : '2019') as Format;
  const row = (cells: string[]) => (style === 'tabs' ? cells.join('\t') : `| ${cells.join(' | ')} |`);
  const lines = [`${e.org} ${e.year} 年政府信息公开工作年度报告`, '', '一、总体情况', `${e.year}年，本机关依法做好政府信息公开工作。`, '', '二、主动公开政府信息情况'];
  for (const d of ACTIVE_ROWS[format]) lines.push(row([d.label, ...d.columns.map((c, i) => cell(e.active?.[d.key]?.[c], blank('active', d.key, i, e.active?.[d.key]?.[c] ?? null)))]));
  lines.push('', '三、收到和处理政府信息公开申请情况', row(['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']));
  for (const r of appRows(e)) lines.push(row([r.group ? `${GROUP_LABEL[r.group]} ${r.label}` : r.label, ...e.applications![r.key].map((v, i) => cell(v, blank('applications', r.key, i, v)))]));
  lines.push('', '四、政府信息公开行政复议、行政诉讼情况', row(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']));
  lines.push(row(REVIEW_GROUPS.flatMap((g) => e.review_litigation![g].map((v, i) => cell(v, blank('review_litigation', g, i, v))))));
  lines.push('', '五、存在的主要问题及改进情况', '仍有不足。', '', '六、其他需要报告的事项', '无。');
  return lines.join('\n');
}
