/**
 * The question-answering engine: parse a question into a frame, merge it with the chat's context, plan and
 * run the look-ups over the store, and build the answer object. One engine per store; contexts per chat.
 */
import type { Store, CellRow, ReportRow, FindingRow } from '../store/store.js';
import { BodyIndex, type BodyInfo } from './bodies.js';
import { answer, cnDate, fmt, sourceLine, type Answer, type Fact } from './answer.js';
import { ChatContexts, mergeWithContext } from './context.js';
import { decideIntent, Lexicon, parseFrame, type Frame } from './frame.js';
import type { Applicant } from './lexicon.js';
import { applicantLabel, CARD, GROUP_ROWS, metric, RATIOS, RESULT_METRIC, type CellRef } from './metrics.js';
import { absentCardLine, absentReason, absentTable } from './missing.js';
import { bestSentence, searchTerms } from './sentences.js';
import { ACTIVE_ROWS, ALL_APPLICATION_ROWS, type Format, type TableId } from '../ingest/template.js';
import { deadlineFor, deadlineSummary } from '../domain/bodyKinds.js';

/** Table A figures are labelled as the report's own template prints them (2019: 对外公开总数量, 2021: 现行有效件数). */
function activeLabel(format: string, refs: CellRef[]): string | null {
  if (refs.length !== 1 || refs[0].table !== 'active') return null;
  const row = ACTIVE_ROWS[format as Format]?.find((d) => d.key === refs[0].row);
  const i = row?.columns.indexOf(refs[0].col) ?? -1;
  return row && i >= 0 ? `${row.label}${row.columnLabels[i].replace(/（.*）$/, '')}` : null;
}

export interface AskOptions { chat?: string; now?: Date; /** the body chosen from a clarifying question */ bodyId?: number }

interface Value {
  value: number | null; cells: CellRow[]; label: string; unit: string; reason?: string;
  /** The report does not give the table this figure is in. */
  absent?: TableId;
}

/** A difference: in the figure's unit, or in percentage points between two rates. */
const delta = (d: number, unit: string) => (unit === '%' ? `${(d * 100).toFixed(2)} 个百分点` : fmt(d, unit === '%' ? '' : unit));

/** Example questions, about the bodies on file, by short names people would type. */
function helpText(index: BodyIndex): string {
  const on = index.bodies.filter((b) => b.years.length).sort((x, y) => y.years.length - x.years.length);
  const short = (b: BodyInfo) => {
    const rest = index.restOf(b.id);
    if (/^(人民政府|政府)$/.test(rest) && b.region.length) return b.region[b.region.length - 1];
    return rest.length >= 3 && rest !== b.name ? rest : b.name;
  };
  if (!on.length) return '库中还没有报告。管理员可以用 npm run -s cli -- ingest <文件> 添加，或在 Telegram 里发送报告文件。';
  const a = short(on[0]), b = short(on[1] ?? on[0]);
  const y = on[0].years[on[0].years.length - 1];
  const twoYears = on.find((x) => x.years.some((yy) => x.years.includes(yy - 1)));
  return [
    '可以这样问：',
    `· ${a}${y}年收到多少政府信息公开申请？`,
    `· ${a}${y}年的公开率是多少 / 复议纠错率`,
    ...(on.length > 1 ? [`· ${a}和${b}${y}年谁收到的申请多`] : []),
    `· ${y}年哪个单位收到的申请最多 / 各单位排名`,
    ...(twoYears ? [`· ${short(twoYears)}申请量比上一年增加了多少`] : []),
    `· ${a}${y}年报告的数据一致吗 / ${b}的年报是哪天发布的`,
    '· 数据库里有哪些报告？',
  ].join('\n');
}

export class QueryEngine {
  private index!: BodyIndex;
  private lex!: Lexicon;
  private reports!: ReportRow[];
  private cellCache = new Map<number, Map<string, CellRow>>();
  private findingCache = new Map<number, FindingRow[]>();
  readonly contexts = new ChatContexts(30 * 60_000);

  constructor(private readonly store: Store, private readonly clock: () => Date = () => new Date()) {
    this.refresh();
  }

  /** Re-read bodies and reports (after an ingest). */
  refresh(): void {
    this.reports = this.store.activeReports();
    const years = (id: number) => this.reports.filter((r) => r.body_id === id).map((r) => r.year).sort((a, b) => a - b);
    this.index = new BodyIndex(this.store.bodies(), years);
    this.lex = new Lexicon(this.index);
    this.cellCache.clear();
    this.findingCache.clear();
  }

  /** Load every active report's cells and run each code path once, so the first real question is not the slow one. */
  warm(): void {
    for (const r of this.reports) { this.cells(r.id); this.findings(r.id); }
    const b = this.index.bodies.find((x) => x.years.length);
    if (!b) return;
    for (const q of [`${b.name}收到多少申请`, `${b.name}的公开率`, `${b.name}网站发布信息多少条`, '哪个单位收到的申请最多']) this.ask(q);
  }

  get bodies(): BodyInfo[] { return this.index.bodies; }

  ask(question: string, opts: AskOptions = {}): Answer {
    const now = opts.now ?? this.clock();
    const q = String(question ?? '');
    if (!q.trim()) return answer('unsupported', `请提出一个问题。\n${helpText(this.index)}`);
    const parsed = parseFrame(q, this.lex, now);
    const prev = opts.chat ? this.contexts.get(opts.chat, now) : undefined;
    let frame = prev ? mergeWithContext(parsed, prev) : parsed;
    if (opts.bodyId !== undefined && this.index.byId(opts.bodyId)) {
      frame = { ...frame, bodies: [opts.bodyId], ambiguous: null, regions: [], unknownPlaces: [] };
      frame.intent = decideIntent(frame);
    }
    const a = this.run(frame, now);
    if (opts.chat && a.status !== 'unsupported') this.contexts.set(opts.chat, frame, now);
    return a;
  }

  /** /report 机关 [年份], /audit 机关 [年份], /compare 机关A 机关B [年份]: the argument names bodies and years. */
  command(kind: 'report' | 'audit' | 'compare', arg: string, opts: AskOptions = {}): Answer {
    const now = opts.now ?? this.clock();
    const usage = { report: '/report 番禺 2024', audit: '/audit 洪泽 2023', compare: '/compare 番禺 武江 2024' }[kind];
    if (!arg.trim() && opts.bodyId === undefined) return answer('unsupported', `用法：${usage}\n${this.inventory()}`);
    const f = parseFrame(arg, this.lex, now);
    if (opts.bodyId !== undefined && this.index.byId(opts.bodyId)) { f.bodies = [opts.bodyId]; f.ambiguous = null; }
    if (kind === 'compare') {
      if (f.bodies.length < 2) return answer('not_found', `请给出两个单位，例如：/compare 番禺 武江 2024\n${this.inventory()}`);
      return this.compareCard(f, now);
    }
    f.intent = kind === 'audit' ? 'audit' : 'lookup';
    const who = this.whichBody(f);
    if ('answer' in who) return who.answer;
    return kind === 'audit' ? this.audit(f, who.body, now) : this.card(f, who.body, now);
  }

  private card(f: Frame, body: BodyInfo, now: Date): Answer {
    const rr = this.reportFor(f, body, now);
    if ('answer' in rr) return rr.answer;
    const { r, note } = rr;
    const facts: Fact[] = [];
    const lines: string[] = [`${body.name} ${r.year} 年度报告${note}`];
    let group = '';
    const absent = new Set<TableId>();
    for (const item of CARD) {
      const v = this.value(r, item.metric);
      if (v.value === null) {
        if (v.absent && !absent.has(v.absent)) {
          absent.add(v.absent);
          lines.push(`【${item.group}】${absentCardLine(v.absent)}`);
        }
        continue;
      }
      if (item.group !== group) { group = item.group; lines.push(`【${group}】`); }
      lines.push(`· ${v.label} ${fmt(v.value, v.unit)}`);
      facts.push(this.fact(body, r, item.metric, v, v.value));
    }
    const rate = this.ratio({ ...f, ratio: 'open_rate', metrics: [] }, body, r, '');
    if (rate.facts[0]) lines.push(`· 公开率 ${fmt(rate.facts[0].value, '%')}（(予以公开 + 部分公开) ÷ 办理结果总计）`);
    const serious = this.findings(r.id).filter((x) => x.severity !== 'info');
    lines.push(`【审核】${serious.length ? `发现 ${serious.length} 个问题，用 /audit 查看` : '未发现问题'}`);
    lines.push(`【发布日期】${r.published ? cnDate(r.published) : '报告中未印出'}`);
    lines.push(`来源：${r.source_file}`);
    return answer('answered', lines.join('\n'), facts);
  }

  private compareCard(f: Frame, now: Date): Answer {
    const cols: { body: BodyInfo; r: ReportRow }[] = [];
    for (const id of f.bodies.slice(0, 4)) {
      const body = this.index.byId(id)!;
      const rr = this.reportFor({ ...f, years: f.years.slice(0, 1) }, body, now);
      if ('answer' in rr) return rr.answer;
      cols.push({ body, r: rr.r });
    }
    const facts: Fact[] = [];
    const lines = [`对比：${cols.map((c) => `${c.body.name}（${c.r.year}）`).join(' / ')}`];
    for (const item of CARD) {
      const vs = cols.map((c) => this.value(c.r, item.metric));
      if (vs.every((v) => v.value === null)) continue;
      lines.push(`· ${vs[0].label}：${vs.map((v) => (v.value === null ? '—' : fmt(v.value, v.unit))).join(' / ')}`);
      vs.forEach((v, i) => { if (v.value !== null) facts.push(this.fact(cols[i].body, cols[i].r, item.metric, v, v.value)); });
    }
    return answer('answered', lines.join('\n'), facts);
  }

  // ---------------------------------------------------------------------------------------------------------

  private run(f: Frame, now: Date): Answer {
    if (f.subYear && (f.metrics.length || f.ratio)) return answer('not_found', '年度报告只有全年数字，没有上半年、季度或月份的数据。可以问全年的数字，例如「番禺2024年收到多少申请」。');
    switch (f.intent) {
      case 'help': return answer('answered', `我能回答各单位政府信息公开工作年度报告里的数字和内容。\n${helpText(this.index)}\n\n${this.inventory()}`);
      case 'list': return this.list(f);
      case 'rank': return this.rank(f, now);
      case 'total': return this.total(f, now);
      default: break;
    }
    // 哪些单位的数据不一致 / 哪些单位没有按时发布: every report on file (or in the region, or of the year)
    if ((f.intent === 'audit' || f.intent === 'published') && !f.bodies.length && !f.ambiguous && !f.unknownPlaces.length) return this.auditAll(f);
    const who = this.whichBody(f);
    if ('answer' in who) return who.answer;
    const body = who.body;
    switch (f.intent) {
      case 'compare': return this.compare(f, now);
      case 'change': return this.change(f, body, now);
      case 'trend': return this.trend(f, body, now);
      case 'audit': return this.audit(f, body, now);
      case 'published': return this.published(f, body, now);
      case 'problems': return this.problems(f, body, now);
      case 'narrative': return this.narrative(f, body, now);
      case 'lookup': return this.lookup(f, body, now);
      case 'card': return this.card(f, body, now);
      default:
        return answer('unsupported', `没有读懂这个问题里要查的数字。\n${helpText(this.index)}`);
    }
  }

  private echo(f: Frame): string {
    return f.guessed.map((g) => `（按“${g.name}”理解“${g.typed}”）`).join('');
  }

  /** The body a single-body question is about, or the answer that says why there is none. */
  private whichBody(f: Frame): { body: BodyInfo } | { answer: Answer } {
    if (f.ambiguous && !f.bodies.length) {
      const opts = f.ambiguous.map((id) => this.index.byId(id)!).map((b) => ({ id: `body:${b.id}`, label: b.name, question: f.text }));
      return { answer: answer('clarify', `有几个单位符合，请问是哪一个？\n${opts.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`, [], [], opts) };
    }
    if (f.intent === 'compare' && f.bodies.length > 1) return { body: this.index.byId(f.bodies[0])! };
    if (!f.bodies.length) {
      if (f.unknownPlaces.length) {
        const p = f.unknownPlaces[0];
        return { answer: answer('not_found', `库中没有${p.name}的年度报告。\n${this.inventory()}`) };
      }
      if (f.intent === 'unknown' || (!f.metrics.length && !f.ratio && !f.keywords.length)) return { answer: answer('unsupported', `这个问题不在年度报告的范围内，或者没有读懂。\n${helpText(this.index)}`) };
      return { answer: answer('not_found', `请说明是哪个单位。\n${this.inventory()}`) };
    }
    return { body: this.index.byId(f.bodies[0])! };
  }

  /** Years for a body: given ones must be on file; none given → the latest on file. */
  private yearsFor(f: Frame, body: BodyInfo, now: Date): { years: number[]; note: string } | { answer: Answer } {
    const onFile = body.years;
    if (!onFile.length) return { answer: answer('not_found', `${body.name}没有年度报告在库中。`) };
    let years = [...new Set(f.years)];
    if (f.range) years = onFile.filter((y) => y >= f.range![0] && y <= f.range![1]);
    else if (f.lastN) years = onFile.filter((y) => y >= now.getUTCFullYear() - f.lastN! && y < now.getUTCFullYear());
    if (!years.length || f.latest) {
      if (f.range || f.lastN) return { answer: answer('not_found', `${body.name}在这段时间没有年度报告；库中有：${onFile.join('、')} 年。`) };
      return { years: [onFile[onFile.length - 1]], note: `（未指定年份，按最新的 ${onFile[onFile.length - 1]} 年度报告）` };
    }
    const missing = years.filter((y) => !onFile.includes(y));
    if (missing.length) {
      const future = missing.filter((y) => y >= now.getUTCFullYear());
      const why = future.length ? `${future.join('、')} 年度报告要到次年才发布，` : '';
      return { answer: answer('not_found', `库中没有${body.name} ${missing.join('、')} 年的年度报告；${why}库中有：${onFile.join('、')} 年。`) };
    }
    return { years: years.sort((a, b) => a - b), note: '' };
  }

  private report(bodyId: number, year: number): ReportRow | undefined {
    return this.reports.find((r) => r.body_id === bodyId && r.year === year);
  }

  private cells(reportId: number): Map<string, CellRow> {
    let m = this.cellCache.get(reportId);
    if (!m) {
      m = new Map(this.store.cells(reportId).map((c) => [`${c.tbl}.${c.row_key}.${c.col_key}`, c]));
      this.cellCache.set(reportId, m);
    }
    return m;
  }

  private findings(reportId: number): FindingRow[] {
    let f = this.findingCache.get(reportId);
    if (!f) { f = this.store.findings(reportId); this.findingCache.set(reportId, f); }
    return f;
  }

  /** A metric's value in one report: the first alternative whose cells are all printed. */
  private value(r: ReportRow, metricId: string, applicant: Applicant = 'total'): Value {
    const def = metric(metricId);
    if (!def) return { value: null, cells: [], label: metricId, unit: '', reason: '没有这一项' };
    const col = def.byApplicant ? applicant : 'total';
    const label = def.byApplicant && col !== 'total' ? `${applicantLabel(col)}${def.label}` : def.label;
    const cells = this.cells(r.id);
    const get = (ref: CellRef) => cells.get(`${ref.table}.${ref.row}.${ref.col}`);
    for (const alt of def.alternatives(col)) {
      const found = alt.map(get);
      if (found.some((c) => !c || c.status === 'missing')) continue;
      const printed = activeLabel(r.format, alt);
      const label2 = printed ?? label;
      const unknown = found.filter((c) => c!.value === null);
      if (unknown.length) return { value: null, cells: found as CellRow[], label: label2, unit: def.unit, reason: `报告中这一格${unknown[0]!.status === 'unreadable' ? '无法确定地读出' : '是空白，且不能按 0 计'}（原文：${unknown[0]!.raw || '空白'}）` };
      return { value: found.reduce((s, c) => s + (c!.value ?? 0), 0), cells: found as CellRow[], label: label2, unit: def.unit };
    }
    // a whole table the report does not give (or that could not be read): not stated, never a number
    const absent = absentTable(cells, def.alternatives(col));
    if (absent) return { value: null, cells: [], label, unit: def.unit, reason: absentReason(absent), absent };
    // rows of the template that could not be read from this report, as opposed to rows its template lacks
    const unread = def.alternatives(col).map((alt) => alt.map(get)).find((found) => found.every((c) => c) && found.some((c) => c!.status === 'missing'));
    if (unread) {
      const rows = [...new Set(unread.filter((c) => c!.status === 'missing').map((c) => ALL_APPLICATION_ROWS.find((d) => d.key === c!.row_key)?.label ?? c!.row_key))];
      return { value: null, cells: [], label, unit: def.unit, reason: `报告的表格中未能读出${rows.map((x) => `“${x}”`).join('、')}${rows.length > 1 ? '这几行' : '这一行'}，无法给出` };
    }
    return { value: null, cells: [], label, unit: def.unit, reason: `${r.year} 年的报告模板中没有“${label}”这一项` };
  }

  private fact(body: BodyInfo, r: ReportRow, metricId: string, v: Value, value = v.value ?? 0, applicant?: Applicant): Fact {
    const first = v.cells[0];
    const excerpts = [...new Set(v.cells.map((c) => c.excerpt).filter(Boolean))];
    return {
      org: body.name, year: r.year, metric: metricId, ...(applicant && applicant !== 'total' ? { column: applicant } : {}),
      label: v.label, value, unit: v.unit,
      excerpt: excerpts.slice(0, 3).join(' / ') + (excerpts.length > 3 ? ' …' : ''),
      source: { file: r.source_file, ...(first?.page ? { page: first.page } : {}), ...(first?.line ? { line: first.line } : {}) },
    };
  }

  /** Audit findings that touch the cells an answer used. */
  private warningsFor(r: ReportRow, cells: CellRow[]): string[] {
    const ids = new Set(cells.map((c) => `${c.tbl}.${c.row_key}.${c.col_key}`));
    const rows = new Set(cells.map((c) => `${c.tbl}.${c.row_key}.*`));
    const blanks = cells.filter((c) => c.status === 'blank_zero').length;
    return [
      ...this.findings(r.id)
        .filter((f) => f.severity !== 'info' && f.cells.some((c) => ids.has(c) || rows.has(c)))
        .map((f) => `注意：${f.message}${f.excerpt && !f.message.includes(f.excerpt.replace(/^行政复议、行政诉讼：/, '')) ? `（原文：${f.excerpt}）` : ''}`),
      ...(blanks ? [`说明：用到的格中有 ${blanks} 个在报告里印成空白，按 0 计（该行或该列的合计与之相符）。`] : []),
    ];
  }

  // ---------------------------------------------------------------------------------------------------------

  private lookup(f: Frame, body: BodyInfo, now: Date): Answer {
    const ys = this.yearsFor(f, body, now);
    if ('answer' in ys) return ys.answer;
    if (ys.years.length > 1) return this.trend(f, body, now);
    const r = this.report(body.id, ys.years[0])!;
    if (f.ratio) return this.ratio(f, body, r, ys.note);
    // 不予公开的原因 / 各多少: a group is shown with its rows
    const ids = f.cues.includes('each') && f.metrics.length === 1 && GROUP_ROWS[f.metrics[0]] ? [f.metrics[0], ...GROUP_ROWS[f.metrics[0]](r, this.cells(r.id))] : f.metrics;
    const values = ids.map((m) => ({ id: m, v: this.value(r, m, f.applicant) }));
    const missing = values.find((x) => x.v.value === null);
    if (missing) return answer('not_found', `${body.name} ${r.year} 年：${missing.v.label}——${missing.v.reason}。${this.echo(f)}`);
    const facts = values.map((x) => this.fact(body, r, x.id, x.v, x.v.value!, f.applicant));
    const warnings = this.warningsFor(r, values.flatMap((x) => x.v.cells));
    if (facts.length > 1 && (f.cues.includes('each') || ids !== f.metrics)) {
      const [head, ...rest] = ids !== f.metrics ? [facts[0], ...facts.slice(1)] : [null, ...facts];
      const lines = rest.map((x) => `· ${x.label} ${fmt(x.value, x.unit)}`);
      const title = head ? `${body.name} ${r.year} 年${head.label} ${fmt(head.value, head.unit)}，其中：` : `${body.name} ${r.year} 年：`;
      return answer('answered', `${title}${ys.note}${this.echo(f)}\n${lines.join('\n')}\n${[...new Set(facts.map(sourceLine))].slice(0, 4).join('\n')}`, facts, warnings);
    }
    if (facts.length > 1) {
      const sum = facts.reduce((s, x) => s + x.value, 0);
      const label = facts.map((x) => x.label).join(' + ');
      const total: Fact = { ...facts[0], metric: facts.map((x) => x.metric).join('+'), label, value: sum, excerpt: facts.map((x) => x.excerpt).join(' / ') };
      const text = `${body.name} ${r.year} 年${label}合计 ${fmt(sum, facts[0].unit)}${ys.note}${this.echo(f)}\n${facts.map((x) => `· ${x.label} ${fmt(x.value, x.unit)}`).join('\n')}\n${facts.map(sourceLine).join('\n')}`;
      return answer('answered', text, [total, ...facts], warnings);
    }
    const x = facts[0];
    const text = `${body.name} ${r.year} 年${x.label} ${fmt(x.value, x.unit)}${ys.note}${this.echo(f)}\n${sourceLine(x)}`;
    return answer('answered', text, facts, warnings);
  }

  private ratio(f: Frame, body: BodyInfo, r: ReportRow, note: string): Answer {
    if (f.ratio === 'share' && (!f.applicant || f.applicant === 'total') && f.metrics[0] && RESULT_METRIC.test(f.metrics[0])) {
      // 予以公开的比例: a result's share of all results (办理结果总计)
      const part = this.value(r, f.metrics[0]), whole = this.value(r, 'applications.total_processed');
      if (part.value === null || whole.value === null || whole.value === 0) return answer('not_found', `${body.name} ${r.year} 年无法计算比例：${part.reason ?? whole.reason ?? '办理结果总计为 0'}。`);
      const v = part.value / whole.value;
      const fact: Fact = { ...this.fact(body, r, `share:${f.metrics[0]}`, part, v), label: `${part.label}占办理结果的比例`, unit: '%' };
      return answer('answered', `${body.name} ${r.year} 年${part.label}占办理结果总计的 ${fmt(v, '%')}${note}\n= ${part.label} ${part.value} ÷ 办理结果总计 ${whole.value}\n${sourceLine(fact)}`,
        [fact, this.fact(body, r, f.metrics[0], part), this.fact(body, r, 'applications.total_processed', whole)], this.warningsFor(r, [...part.cells, ...whole.cells]));
    }
    if (f.ratio === 'share') {
      const m = f.metrics[0] ?? 'applications.new_received';
      const col = f.applicant && f.applicant !== 'total' ? f.applicant : 'natural_person';
      const part = this.value(r, m, col), whole = this.value(r, m, 'total');
      if (part.value === null || whole.value === null || whole.value === 0) return answer('not_found', `${body.name} ${r.year} 年无法计算占比：${part.reason ?? whole.reason ?? '总数为 0'}。`);
      const v = part.value / whole.value;
      const fact: Fact = { ...this.fact(body, r, `share:${m}:${col}`, part, v), label: `${part.label}占比`, unit: '%' };
      return answer('answered', `${body.name} ${r.year} 年${part.label}占比 ${fmt(v, '%')}${note}\n= ${part.label} ${part.value} ÷ ${whole.label} ${whole.value}\n${sourceLine(fact)}`,
        [fact, this.fact(body, r, m, part, part.value, col), this.fact(body, r, m, whole)], this.warningsFor(r, [...part.cells, ...whole.cells]));
    }
    const def = RATIOS[f.ratio!];
    const side = (parts: [string, number][]) => parts.map(([id, sign]) => ({ id, sign, v: this.value(r, id) }));
    const num = side(def.num), den = side(def.den);
    const bad = [...num, ...den].find((x) => x.v.value === null);
    if (bad) return answer('not_found', `${body.name} ${r.year} 年无法计算${def.label}：${bad.v.label}——${bad.v.reason}。`);
    const total = (xs: typeof num) => xs.reduce((s, x) => s + x.sign * x.v.value!, 0);
    const n = total(num), d = total(den);
    if (d === 0) return answer('answered', `${body.name} ${r.year} 年${def.label}无法计算：分母为 0（${def.formula}）。${note}`);
    const v = n / d;
    const partsText = [...num, ...den].map((x) => `${x.v.label} ${x.v.value}`).join('，');
    const cells = [...num, ...den].flatMap((x) => x.v.cells);
    const fact: Fact = { ...this.fact(body, r, def.id, { ...num[0].v, cells }, v), label: def.label, unit: '%' };
    const facts = [fact, ...[...num, ...den].map((x) => this.fact(body, r, x.id, x.v))];
    return answer('answered', `${body.name} ${r.year} 年${def.label} ${fmt(v, '%')}${note}${this.echo(f)}\n公式：${def.formula} = ${n} ÷ ${d}\n其中：${partsText}\n${sourceLine(facts[1])}`, facts, this.warningsFor(r, cells));
  }

  private compare(f: Frame, now: Date): Answer {
    if (f.bodies.length > 1) {
      const rows: { body: BodyInfo; fact: Fact }[] = [];
      const notes: string[] = [];
      for (const id of f.bodies) {
        const body = this.index.byId(id)!;
        const ys = this.yearsFor({ ...f, years: f.years.slice(0, 1) }, body, now);
        if ('answer' in ys) { notes.push(ys.answer.text.split('\n')[0]); continue; }
        const r = this.report(id, ys.years[0])!;
        if (f.ratio && f.ratio !== 'share') {
          const a = this.ratio({ ...f, bodies: [id] }, body, r, '');
          if (a.facts[0]) rows.push({ body, fact: a.facts[0] }); else notes.push(a.text.split('\n')[0]);
          continue;
        }
        const m = f.metrics[0];
        if (!m) return answer('not_found', '要比较哪一项数字？例如「番禺和武江2024年谁收到的申请多」。');
        const v = this.value(r, m, f.applicant);
        if (v.value === null) { notes.push(`${body.name} ${r.year} 年：${v.label}——${v.reason}`); continue; }
        rows.push({ body, fact: this.fact(body, r, m, v, v.value, f.applicant) });
      }
      if (rows.length < 2) return answer('not_found', `无法比较：${notes.join('；')}`);
      if (f.order === 'desc') rows.sort((a, b) => b.fact.value - a.fact.value);
      if (f.order === 'asc') rows.sort((a, b) => a.fact.value - b.fact.value);
      const facts = rows.map((x) => x.fact);
      const head = f.order ? `${facts[0].org}${f.order === 'desc' ? '更多' : '更少'}` : '对比如下';
      // 番禺比武江多多少: the difference between the first two, after them
      const [a, b] = facts;
      const diff = (f.cues.includes('difference') || f.cues.includes('change')) && facts.length === 2 && a.unit === b.unit
        ? { ...a, metric: `difference:${a.metric}`, label: `${a.org}与${b.org}的${a.label}之差`, value: Math.abs(a.value - b.value) } : null;
      const diffLine = diff ? `\n相差 ${fmt(diff.value, diff.unit === '%' ? '' : diff.unit)}${diff.unit === '%' ? `（${(diff.value * 100).toFixed(2)} 个百分点）` : ''}` : '';
      const text = `${head}（${facts[0].label}）：\n${facts.map((x) => `· ${x.org} ${x.year} 年 ${fmt(x.value, x.unit)}`).join('\n')}${diffLine}${notes.length ? `\n${notes.join('\n')}` : ''}\n${facts.map(sourceLine).join('\n')}`;
      return answer('answered', text, diff ? [...facts, diff] : facts);
    }
    const body = this.index.byId(f.bodies[0])!;
    return this.trend(f, body, now);
  }

  private series(f: Frame, body: BodyInfo, years: number[]): { facts: Fact[]; notes: string[]; cells: CellRow[][] } {
    const m = f.metrics[0];
    const facts: Fact[] = [], notes: string[] = [], cells: CellRow[][] = [];
    for (const y of years) {
      const r = this.report(body.id, y)!;
      if (f.ratio && f.ratio !== 'share') {
        const a = this.ratio({ ...f, bodies: [body.id] }, body, r, '');
        if (a.facts[0]) facts.push(a.facts[0]); else notes.push(`${y} 年：${a.text.split('\n')[0]}`);
        continue;
      }
      const v = this.value(r, m, f.applicant);
      if (v.value === null) { notes.push(`${y} 年：${v.reason}`); continue; }
      facts.push(this.fact(body, r, m, v, v.value, f.applicant));
      cells.push(v.cells);
    }
    return { facts, notes, cells };
  }

  private trend(f: Frame, body: BodyInfo, now: Date): Answer {
    if (!f.metrics.length && !(f.ratio && f.ratio !== 'share')) return answer('not_found', '要看哪一项数字的变化？例如「洪泽区历年收到多少申请」。');
    let years: number[];
    if (f.years.length || f.range || f.lastN) {
      const ys = this.yearsFor(f, body, now);
      if ('answer' in ys) return ys.answer;
      years = ys.years;
    } else years = body.years;
    const { facts, notes } = this.series(f, body, years);
    if (!facts.length) return answer('not_found', `${body.name}：${notes.join('；')}`);
    const lines = facts.map((x, i) => {
      const prev = facts[i - 1];
      const d = prev ? x.value - prev.value : null;
      return `· ${x.year} 年 ${fmt(x.value, x.unit)}${d !== null ? `（${d >= 0 ? '+' : ''}${delta(d, x.unit)}${prev.value ? `，${d >= 0 ? '+' : ''}${((d / prev.value) * 100).toFixed(1)}%` : ''}）` : ''}`;
    });
    return answer('answered', `${body.name} ${facts[0].label}：${this.echo(f)}\n${lines.join('\n')}${notes.length ? `\n${notes.join('\n')}` : ''}\n${facts.map(sourceLine).join('\n')}`, facts);
  }

  private change(f: Frame, body: BodyInfo, now: Date): Answer {
    if (!f.metrics.length && !(f.ratio && f.ratio !== 'share')) return answer('not_found', '要看哪一项数字的变化？例如「洪泽区申请量比上一年增加了多少」。');
    let years: number[];
    const given = [...new Set(f.years)].sort((a, b) => a - b);
    if (given.length >= 2) years = [given[0], given[given.length - 1]];
    else {
      const last = given[0] ?? body.years[body.years.length - 1];
      years = [last - 1, last];
    }
    const ys = this.yearsFor({ ...f, years, range: undefined, lastN: undefined, latest: false }, body, now);
    if ('answer' in ys) return ys.answer;
    const { facts, notes } = this.series(f, body, ys.years);
    if (facts.length < 2) return answer('not_found', `${body.name}：${notes.join('；')}`);
    const [a, b] = [facts[0], facts[facts.length - 1]];
    const d = b.value - a.value;
    const pct = a.value ? `，${d >= 0 ? '增长' : '下降'} ${Math.abs((d / a.value) * 100).toFixed(1)}%` : '';
    const change: Fact = { ...b, metric: `change:${b.metric}`, label: `${b.label}（${b.year} 年较 ${a.year} 年）变化`, value: d };
    const text = `${body.name} ${b.label}：${b.year} 年 ${fmt(b.value, b.unit)}，${a.year} 年 ${fmt(a.value, a.unit)}，${d >= 0 ? '增加' : '减少'} ${delta(Math.abs(d), b.unit)}${pct}${this.echo(f)}\n${[b, a].map(sourceLine).join('\n')}`;
    return answer('answered', text, [change, b, a]);
  }

  /** Bodies a ranking or a total runs over, and the year used. */
  private population(f: Frame, now: Date): { bodies: BodyInfo[]; year: number; note: string } | { answer: Answer } {
    let bodies = this.index.bodies;
    if (f.regions.length) bodies = f.regions.flatMap((p) => this.index.inPlace(p));
    if (f.bodies.length > 1) bodies = f.bodies.map((id) => this.index.byId(id)!);
    if (!bodies.length) return { answer: answer('not_found', `库中没有${f.regions.map((p) => p.name).join('、')}的单位。\n${this.inventory()}`) };
    const years = [...new Set(f.years)];
    let year = years[0];
    let note = '';
    if (!year) {
      const counts = new Map<number, number>();
      for (const b of bodies) for (const y of b.years) counts.set(y, (counts.get(y) ?? 0) + 1);
      year = [...counts].sort((a, b) => b[0] - a[0])[0]?.[0];
      note = `（未指定年份，按 ${year} 年）`;
    }
    const withReport = bodies.filter((b) => b.years.includes(year));
    if (!withReport.length) return { answer: answer('not_found', `库中没有 ${year} 年的报告${year >= now.getUTCFullYear() ? '（年度报告次年才发布）' : ''}。\n${this.inventory()}`) };
    return { bodies: withReport, year, note };
  }

  /** The metric (or ratio) for every body of a population: facts in body order, and who had no figure and why. */
  private valuesOver(f: Frame, pop: { bodies: BodyInfo[]; year: number }): { facts: Fact[]; skipped: string[] } {
    const facts: Fact[] = [];
    const skipped: string[] = [];
    for (const b of pop.bodies) {
      const r = this.report(b.id, pop.year)!;
      if (f.ratio && f.ratio !== 'share') {
        const a = this.ratio({ ...f, bodies: [b.id] }, b, r, '');
        if (a.facts[0]) facts.push(a.facts[0]); else skipped.push(b.name);
        continue;
      }
      const v = this.value(r, f.metrics[0], f.applicant);
      if (v.value === null) skipped.push(`${b.name}（${v.reason}）`);
      else facts.push(this.fact(b, r, f.metrics[0], v, v.value, f.applicant));
    }
    return { facts, skipped };
  }

  private rank(f: Frame, now: Date): Answer {
    const pop = this.population(f, now);
    if ('answer' in pop) return pop.answer;
    const { facts: rows, skipped } = this.valuesOver(f, pop);
    if (!rows.length) return answer('not_found', `没有可比较的数字。${skipped.join('；')}`);
    rows.sort((a, b) => (f.order === 'asc' ? a.value - b.value : b.value - a.value));
    const shown = f.topN ? rows.slice(0, f.topN) : rows;
    const region = f.regions.length ? f.regions.map((p) => p.name).join('、') : '库中各单位';
    const most = shown[0].unit === '%' ? (f.order === 'asc' ? '最低' : '最高') : (f.order === 'asc' ? '最少' : '最多');
    const head = `${pop.year} 年${region}${shown[0].label}${most}的是 ${shown[0].org}（${fmt(shown[0].value, shown[0].unit)}）${pop.note}`;
    const lines = shown.map((x, i) => `${i + 1}. ${x.org} ${fmt(x.value, x.unit)}`);
    const caveat = '说明：区政府的报告可能已包含其下属部门，跨层级排名仅供参考。';
    return answer('answered', `${head}\n${lines.join('\n')}${skipped.length ? `\n未计入：${skipped.join('；')}` : ''}\n${caveat}\n${sourceLine(shown[0])}`, shown);
  }

  private total(f: Frame, now: Date): Answer {
    const pop = this.population(f, now);
    if ('answer' in pop) return pop.answer;
    if (f.ratio && f.ratio !== 'share') return this.rank(f, now); // a ratio does not add up across bodies
    const { facts: parts, skipped } = this.valuesOver(f, pop);
    if (!parts.length) return answer('not_found', `没有可相加的数字。${skipped.join('；')}`);
    const sum = parts.reduce((s, x) => s + x.value, 0);
    const region = f.regions.length ? f.regions.map((p) => p.name).join('、') : '库中所有单位';
    const total: Fact = { ...parts[0], org: region, metric: `sum:${parts[0].metric}`, label: `${parts[0].label}合计`, value: sum, excerpt: parts.map((p) => `${p.org} ${fmt(p.value, p.unit)}`).join('；') };
    const text = `${pop.year} 年${region}（${parts.length} 份报告）${parts[0].label}合计 ${fmt(sum, parts[0].unit)}${pop.note}\n${parts.map((p) => `· ${p.org} ${fmt(p.value, p.unit)}`).join('\n')}${skipped.length ? `\n未计入：${skipped.join('；')}` : ''}\n说明：这是各报告数字直接相加；政府的报告可能已包含其部门的数字，可能重复计算。`;
    return answer('answered', text, [total, ...parts]);
  }

  private list(f: Frame): Answer {
    const years = [...new Set(f.years)];
    const named = new Set(f.bodies);
    const bodies = this.index.bodies.filter((b) => b.years.length && (!named.size || named.has(b.id)) && (!years.length || b.years.some((y) => years.includes(y))));
    if (!bodies.length) return answer('not_found', `库中没有 ${years.join('、')} 年的报告。\n${this.inventory()}`);
    const lines = bodies.map((b) => `· ${b.name}：${(years.length ? b.years.filter((y) => years.includes(y)) : b.years).join('、')} 年${b.region.length ? `（${b.region.join(' › ')}）` : ''}`);
    const count = bodies.reduce((n, b) => n + (years.length ? b.years.filter((y) => years.includes(y)).length : b.years.length), 0);
    return answer('answered', `库中${years.length ? ` ${years.join('、')} 年` : ''}共有 ${bodies.length} 个单位的 ${count} 份年度报告：\n${lines.join('\n')}`);
  }

  private inventory(): string {
    const names = this.index.bodies.filter((b) => b.years.length).map((b) => `${b.name}（${b.years.join('、')}）`);
    return `库中现有：${names.join('；')}`;
  }

  private reportFor(f: Frame, body: BodyInfo, now: Date): { r: ReportRow; note: string } | { answer: Answer } {
    const ys = this.yearsFor(f, body, now);
    if ('answer' in ys) return ys;
    return { r: this.report(body.id, ys.years[ys.years.length - 1])!, note: ys.note };
  }

  private audit(f: Frame, body: BodyInfo, now: Date): Answer {
    const rr = this.reportFor(f, body, now);
    if ('answer' in rr) return rr.answer;
    const { r, note } = rr;
    const all = this.findings(r.id);
    const serious = all.filter((x) => x.severity !== 'info');
    if (!serious.length) {
      return answer('answered', `${body.name} ${r.year} 年报告${note}：表三、表四的勾稽关系均成立，叙述中的数字与表格一致，未发现问题。${all.length ? `\n备注：${all.map((x) => x.message).join('；')}` : ''}`);
    }
    const lines = serious.map((x, i) => `${i + 1}. ${x.message}${x.excerpt ? `\n   原文：「${x.excerpt}」${x.page ? `（第${x.page}页）` : ''}` : ''}`);
    return answer('answered', `${body.name} ${r.year} 年报告${note}发现 ${serious.length} 个问题：\n${lines.join('\n')}`); // the findings are the answer, not warnings on it
  }

  private auditAll(f: Frame): Answer {
    const inRegion = f.regions.length ? new Set(f.regions.flatMap((p) => this.index.inPlace(p).map((b) => b.id))) : null;
    const years = new Set(f.years);
    const reports = this.reports.filter((r) => (!inRegion || inRegion.has(r.body_id)) && (!years.size || years.has(r.year)));
    if (!reports.length) return answer('not_found', `没有符合条件的报告。\n${this.inventory()}`);
    const name = (r: ReportRow) => `${this.index.byId(r.body_id)?.name ?? ''} ${r.year} 年`;
    if (f.intent === 'published') {
      const lines = reports.map((r) => {
        const d = deadlineFor(this.index.byId(r.body_id)?.name ?? '', r.year);
        const state = !r.published ? '未印发布日期，无法判断'
          : r.published <= d.date ? `${cnDate(r.published)}发布，按时`
          : `${cnDate(r.published)}发布，晚于${d.rule}的期限 ${cnDate(d.date)}`;
        return `· ${name(r)}：${state}`;
      });
      return answer('answered', `各报告的发布情况（${deadlineSummary()}）：\n${lines.join('\n')}`);
    }
    const rows = reports.map((r) => ({ r, n: this.findings(r.id).filter((x) => x.severity !== 'info') }));
    const bad = rows.filter((x) => x.n.length);
    const lines = bad.map((x) => `· ${name(x.r)}：${x.n.length} 个问题——${x.n.map((m) => m.message).join('；').slice(0, 160)}`);
    const ok = rows.filter((x) => !x.n.length).map((x) => name(x.r));
    return answer('answered', `审核了 ${rows.length} 份报告，其中 ${bad.length} 份发现问题：\n${lines.join('\n') || '（无）'}${ok.length ? `\n未发现问题：${ok.join('、')}` : ''}\n用“某单位某年报告的数据一致吗”查看证据。`);
  }

  private published(f: Frame, body: BodyInfo, now: Date): Answer {
    const rr = this.reportFor(f, body, now);
    if ('answer' in rr) return rr.answer;
    const { r, note } = rr;
    const d = deadlineFor(body.name, r.year);
    const limit = `${d.rule}的期限 ${cnDate(d.date)}`;
    if (!r.published) {
      return answer('answered', `${body.name} ${r.year} 年报告${note}中没有印出发布日期，无法判断是否按时发布（${limit}）。`);
    }
    const onTime = r.published <= d.date;
    const verdict = onTime ? `在${limit}之前，按时发布` : `晚于${limit}，逾期发布`;
    return answer('answered', `${body.name} ${r.year} 年度报告${note}的发布日期是 ${cnDate(r.published)}，${verdict}。`);
  }

  private problems(f: Frame, body: BodyInfo, now: Date): Answer {
    const rr = this.reportFor(f, body, now);
    if ('answer' in rr) return rr.answer;
    const { r, note } = rr;
    const ps = this.store.passages(r.id).filter((p) => p.section === 'problems');
    if (!ps.length) return answer('not_found', `${body.name} ${r.year} 年报告中没有找到“存在的主要问题及改进情况”部分。`);
    const text = ps.map((p) => p.text).join('\n');
    return answer('answered', `${body.name} ${r.year} 年报告${note}“存在的主要问题及改进情况”：\n${text}\n（${r.source_file}${ps[0].page ? ` 第${ps[0].page}页` : ''}）`);
  }

  private narrative(f: Frame, body: BodyInfo, now: Date): Answer {
    const rr = this.reportFor(f, body, now);
    if ('answer' in rr) return rr.answer;
    const { r, note } = rr;
    const terms = searchTerms(f.keywords);
    const found = this.store.searchPassages(r.id, terms, 8);
    // no passage holds a whole term (a paraphrase): read every passage of the report, it is small
    const hits = found.length ? found : this.store.passages(r.id);
    // pieces of the words find passages; the words themselves must be carried by the sentence chosen
    const best = bestSentence(hits, f.keywords, f.wantsNumber ? { keywords: f.keywords, unit: f.unit } : null);
    if (!best) return answer('not_found', `${body.name} ${r.year} 年报告中没有找到“${f.keywords.join('、')}”${f.wantsNumber ? '的数字' : ''}。${this.echo(f)}`);
    if (best.number) {
      const label = f.keywords.find((k) => best.sentence.includes(k)) ?? best.term;
      const fact: Fact = { org: body.name, year: r.year, metric: 'narrative', label, value: best.number.value, unit: best.number.unit, excerpt: best.sentence, source: { file: r.source_file, ...(best.page ? { page: best.page } : {}), ...(best.line ? { line: best.line } : {}) } };
      return answer('answered', `${body.name} ${r.year} 年报告${note}：${label} ${fmt(best.number.value, best.number.unit)}${this.echo(f)}\n${sourceLine(fact)}`, [fact]);
    }
    return answer('answered', `${body.name} ${r.year} 年报告${note}中的相关内容：${this.echo(f)}\n「${best.sentence}」（${r.source_file}${best.page ? ` 第${best.page}页` : ''}）`);
  }
}
