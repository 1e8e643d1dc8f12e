import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditAcrossYears, auditDeadline, auditTables } from '../src/ingest/audit.js';
import { detectKind } from '../src/ingest/detect.js';
import { textToDoc } from '../src/ingest/extract/text.js';
import { gazetteer } from '../src/ingest/gazetteer.js';
import { bodyKey } from '../src/ingest/identity.js';
import { isBlankish, nfkc, parseNumberCell } from '../src/ingest/normalize.js';
import { parseReport } from '../src/ingest/parse.js';
import type { Cell } from '../src/ingest/report.js';
import { FIX } from './helpers/cases.js';

const seed = (id: string) => readFileSync(join(FIX, 'seeds', `${id}.txt`), 'utf8');
const parse = (text: string) => parseReport(textToDoc(text), { fileName: 't.txt' });

describe('file type from content, not the name', () => {
  it.each([
    ['generated/panyu-2024.pdf', 'pdf'],
    ['generated/panyu-2024.docx', 'docx'],
    ['generated/panyu-2024.chromium.html', 'html'],
    ['generated/bad-html-as-pdf.pdf', 'html'],
    ['generated/bad-empty.pdf', 'empty'],
    ['real-text/huaian-city-2024.txt', 'text'],
    ['expected/hongze-2023.json', 'json'],
  ])('%s is %s', (f, kind) => expect(detectKind(readFileSync(join(FIX, f)))).toBe(kind));
  it('binary junk is not text', () => expect(detectKind(Buffer.from([0, 1, 2, 3, 250, 251, 0, 0, 7, 8, 9, 0]))).toBe('binary'));
});

describe('normalisation', () => {
  it('NFKC and radical look-alikes', () => {
    expect(nfkc('⼈⺠政府')).toBe('人民政府');
    expect(nfkc('２０２４')).toBe('2024');
  });
  it.each([['1,774', 1774], ['620.50 万元', 620.5], ['7730.28', 7730.28], ['0', 0], ['3 0', null], ['一', null]])('number %s', (raw, v) => expect(parseNumberCell(raw)).toBe(v));
  it.each([[''], ['/'], ['—'], ['-'], ['无']])('%s is blank-like', (raw) => expect(isBlankish(raw)).toBe(true));
});

describe('cells that cannot be read with certainty', () => {
  it('digits run together in a three-number row are unreadable with a finding, never a made-up number', () => {
    const r = parse(seed('002_7b8566f6eb984e20').replace(/行政规范性文件\t16\t21\t59/, '行政规范性文件\t162159'));
    const cells = r.cells.filter((c) => c.table === 'active' && c.row === 'normative_documents');
    expect(cells.map((c) => c.status)).toEqual(['unreadable', 'unreadable', 'unreadable']);
    expect(cells.every((c) => c.value === null)).toBe(true);
    expect(r.findings.some((f) => f.rule === 'unreadable' && /162159/.test(f.message))).toBe(true);
  });
  it('a table-B row with six numbers instead of seven is unreadable', () => {
    const r = parse(seed('002_7b8566f6eb984e20').replace(/重复申请\t10\t0\t0\t0\t0\t0\t10/, '重复申请\t10\t0\t0\t0\t010'));
    const cells = r.cells.filter((c) => c.row === 'rejected_duplicate');
    expect(cells.every((c) => c.status === 'unreadable' && c.value === null)).toBe(true);
    // its neighbours are still read
    expect(r.cells.find((c) => c.row === 'rejected_complaint' && c.col === 'total')!.value).toBe(2);
  });
});

const cell = (table: Cell['table'], row: string, col: string, value: number | null): Cell => ({ table, row, col, value, raw: String(value ?? ''), status: value === null ? 'not_stated' : 'ok', page: 1, line: 1, excerpt: '' });

describe('audit rules', () => {
  it('rules 1–3 on a report whose totals disagree', () => {
    const r = parse(seed('002_7b8566f6eb984e20').replace('(七) 总计\t\t1574\t59\t0\t0\t2\t14\t1649', '(七) 总计\t\t1574\t59\t0\t0\t2\t14\t1650'));
    const rules = new Set(r.findings.map((f) => f.rule));
    expect([...rules]).toEqual(expect.arrayContaining(['identity_1', 'identity_2', 'identity_3']));
  });
  it('rule 4 on hongze 2023 (复议 and 复议后起诉 do not add up)', () => {
    const cells = ['upheld', 'corrected', 'other', 'pending', 'total'].flatMap((c, i) => [cell('review_litigation', 'review', c, [10, 1, 0, 0, 0][i]), cell('review_litigation', 'litigation_direct', c, 0), cell('review_litigation', 'litigation_after_review', c, [5, 0, 0, 0, 0][i])]);
    expect(auditTables(cells).filter((f) => f.rule === 'identity_4')).toHaveLength(2);
  });
  it('rule 6: a department is due by 31 January, a government by 31 March', () => {
    expect(auditDeadline({ published: '2025-02-10', orgKind: 'department', year: 2024 })[0].severity).toBe('warning');
    expect(auditDeadline({ published: '2025-02-10', orgKind: 'government', year: 2024 })).toEqual([]);
    expect(auditDeadline({ published: undefined, orgKind: 'government', year: 2024 })[0].severity).toBe('info');
  });
  it("rule 7: last year's 结转下年度 against this year's 上年结转, and documents in force", () => {
    const prev = { year: 2023, cells: [cell('applications', 'carried_forward', 'total', 5), cell('active', 'normative_documents', 'in_force', 50)] };
    const cur = { year: 2024, cells: [cell('applications', 'carried_over', 'total', 3), cell('active', 'normative_documents', 'issued', 4), cell('active', 'normative_documents', 'repealed', 1), cell('active', 'normative_documents', 'in_force', 60)] };
    const f = auditAcrossYears(prev, cur);
    expect(f.map((x) => x.rule).sort()).toEqual(['across_years', 'across_years_soft']);
    expect(auditAcrossYears({ ...prev, year: 2022 }, cur)).toEqual([]);
  });
  it("rule 5 and seed 002: narrative 行政诉讼 3 件 against the table's 0", () => {
    const r = parse(seed('002_7b8566f6eb984e20'));
    const f = r.findings.find((x) => x.rule === 'narrative_mismatch');
    expect(f?.excerpt).toMatch(/被行政诉讼3件/);
    expect(r.findings.some((x) => x.rule === 'shifted_cells')).toBe(true);
  });
});

describe('bodies and places', () => {
  it('a region path through the gazetteer, and one identity for two spellings', () => {
    const g = gazetteer();
    expect(g.resolve('金林区人民政府办公室')).toEqual(['黑龙江省', '伊春市', '金林区']);
    expect(bodyKey('洪泽区人民政府', g.resolve('洪泽区人民政府'))).toBe(bodyKey('淮安市洪泽区人民政府', g.resolve('淮安市洪泽区人民政府')));
    expect(bodyKey('洪泽区人民政府', g.resolve('洪泽区人民政府'))).not.toBe(bodyKey('淮安市洪泽区人民政府办公室', g.resolve('淮安市洪泽区人民政府办公室')));
  });
  it('an ambiguous county name is placed by the city named with it', () => {
    expect(gazetteer().resolve('福州市鼓楼区人民政府')).toEqual(['福建省', '福州市', '鼓楼区']);
    expect(gazetteer().resolve('鼓楼区人民政府')).toBeNull();
  });
});

describe('real texts with blank totals', () => {
  it('shanghai-stcsm-2024: the blank 总计 of 结转下年度 is not stated, with a finding naming the parts', () => {
    const r = parseReport(textToDoc(readFileSync(join(FIX, 'real-text', 'shanghai-stcsm-2024.txt'), 'utf8')), { fileName: 'shanghai-stcsm-2024.txt' });
    const c = r.cells.find((x) => x.row === 'carried_forward' && x.col === 'total')!;
    expect(c.value).toBeNull();
    expect(c.status).toBe('not_stated');
    const f = r.findings.find((x) => x.rule === 'blank_cell' && x.cells?.includes('applications.carried_forward.total'));
    expect(f?.message).toMatch(/总计印成空白，而各项相加为 1/);
    expect(f?.excerpt).toBeTruthy();
  });
});

describe('scrambled Markdown from PDF converters: rows resolved by order, as the fixture notes resolve them', () => {
  const parsed = (f: string) => parseReport(textToDoc(readFileSync(join(FIX, 'real-text', f), 'utf8')), { fileName: f });
  const total = (r: ReturnType<typeof parsed>, row: string) => r.cells.find((c) => c.row === row && c.col === 'total')?.value;
  it('shanghai-stcsm-2024 (notes: 内部事务 1, 过程性 1, 不掌握 4, 另行制作 6, 补正 0, (六)1 = 10, (六)2 = 0, (六)3 = 4)', () => {
    const r = parsed('shanghai-stcsm-2024.txt');
    expect(['denied_internal', 'denied_process', 'unavailable_not_held', 'unavailable_needs_creation', 'unavailable_unclear', 'other_overdue_correction', 'other_overdue_fee', 'other_other'].map((k) => total(r, k))).toEqual([1, 1, 4, 6, 0, 10, 0, 4]);
    expect(r.findings.some((f) => f.rule === 'label_order')).toBe(true);
  });
  it('shanghai-office-2025 (notes: 不予公开 20, 无法提供 564, 不予处理 80, 其他处理 319)', () => {
    const r = parsed('shanghai-office-2025.txt');
    const sum = (prefix: string) => r.cells.filter((c) => c.col === 'total' && c.row.startsWith(prefix)).reduce((a, c) => a + (c.value ?? NaN), 0);
    expect([sum('denied_'), sum('unavailable_'), sum('rejected_'), sum('other_')]).toEqual([20, 564, 80, 319]);
    expect(total(r, 'other_overdue_correction')).toBe(43);
  });
});

describe('table 二 in real texts', () => {
  const active = (f: string) => {
    const r = parseReport(textToDoc(readFileSync(join(FIX, 'real-text', f), 'utf8')), { fileName: f });
    return (row: string, col: string) => r.cells.find((c) => c.table === 'active' && c.row === row && c.col === col);
  };
  it('shanghai-stcsm-2024, numbered out of order (notes: 规章 0/0/0, 规范性文件 13/0/55, 行政许可 97)', () => {
    const a = active('shanghai-stcsm-2024.txt');
    expect(['issued', 'repealed', 'in_force'].map((c) => a('rules', c)?.value)).toEqual([0, 0, 0]);
    expect(['issued', 'repealed', 'in_force'].map((c) => a('normative_documents', c)?.value)).toEqual([13, 0, 55]);
    expect(a('licensing', 'decisions')?.value).toBe(97);
  });
  it('shuyang-fgj-2023, whose overview has a sub-heading named like the section', () => {
    const a = active('shuyang-fgj-2023.txt');
    expect(['issued', 'repealed', 'in_force'].map((c) => a('normative_documents', c)?.value)).toEqual([8, 0, 18]);
  });
  it('shanghai-office-2025: two numbers printed for three columns are not guessed into columns', () => {
    const a = active('shanghai-office-2025.txt');
    expect(['issued', 'repealed', 'in_force'].map((c) => a('rules', c)?.status)).toEqual(['unreadable', 'unreadable', 'unreadable']);
    expect(a('rules', 'in_force')?.value).toBeNull();
  });
});
