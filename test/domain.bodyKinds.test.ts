/** Body kinds and deadlines against test/corpus/body-kinds.jsonl and body-kinds-not.jsonl; the audit uses the table. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyKind, deadlineFor, deadlineOf, deadlineSummary, DEADLINES, nameCore } from '../src/domain/bodyKinds.js';
import { auditDeadline } from '../src/ingest/audit.js';
import { textToDoc } from '../src/ingest/extract/text.js';
import { parseReport } from '../src/ingest/parse.js';
import { FIX } from './helpers/cases.js';

const corpus = <T>(name: string): T[] => readFileSync(new URL(`./corpus/${name}`, import.meta.url), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

interface KindCase { name: string; kind: string; deadline: string; note: string }
interface NotKindCase { name: string; not: string; why: string }
const KINDS = corpus<KindCase>('body-kinds.jsonl');
const NOT_KINDS = corpus<NotKindCase>('body-kinds-not.jsonl');

describe('the corpus covers every kind', () => {
  it('at least 60 names', () => expect(KINDS.length).toBeGreaterThanOrEqual(60));
  it('every kind of the table', () => {
    expect(new Set(KINDS.map((c) => c.kind))).toEqual(new Set(Object.keys(DEADLINES)));
  });
});

describe('the kind and the deadline of a body, from its name', () => {
  it.each(KINDS.map((c) => [c.name, c.kind, c.deadline, c.note]))('%s is %s, due %s (%s)', (name, kind, deadline) => {
    expect(bodyKind(name)).toBe(kind);
    expect(deadlineOf(name).monthDay).toBe(deadline);
    expect(deadlineOf(kind).monthDay).toBe(deadline);
  });
});

describe('names that must not be read as a kind', () => {
  it.each(NOT_KINDS.map((c) => [c.name, c.not, c.why]))('%s is not %s (%s)', (name, not) => {
    expect(bodyKind(name)).not.toBe(not);
  });
});

describe('the table', () => {
  it('a second name in brackets at the end is left aside', () => {
    expect(nameCore('银川市民族事务委员会（宗教事务局）')).toBe('银川市民族事务委员会');
    expect(nameCore('中国（上海）自由贸易试验区')).toBe('中国（上海）自由贸易试验区');
  });
  it('the rule is said in words', () => {
    expect(deadlineFor('保康县马桥镇人民政府', 2024))
      .toEqual({ monthDay: '01-31', rule: '乡镇人民政府、街道办事处年度报告', date: '2025-01-31' });
    expect(deadlineFor('保康县', 2024)).toEqual({ monthDay: '03-31', rule: '县级以上地方人民政府年度报告', date: '2025-03-31' });
  });
  it('the summary comes from the table', () => {
    expect(deadlineSummary()).toContain('县级以上地方人民政府年度报告');
    expect(deadlineSummary()).toContain('其余为次年1月31日');
  });
});

describe('the deadline audit uses the table', () => {
  it('a township report published 2025-02-15 is late; a county government\'s is not', () => {
    const town = auditDeadline({ published: '2025-02-15', orgKind: bodyKind('保康县马桥镇人民政府'), year: 2024 });
    expect(town).toHaveLength(1);
    expect(town[0].severity).toBe('warning');
    expect(town[0].message).toBe('发布日期 2025-02-15 晚于乡镇人民政府、街道办事处年度报告的期限 2025-01-31');
    expect(auditDeadline({ published: '2025-02-15', orgKind: bodyKind('保康县人民政府'), year: 2024 })).toEqual([]);
    expect(auditDeadline({ published: '2025-02-15', orgKind: bodyKind('某某街道'), year: 2024 })[0].message)
      .toContain('街道办事处年度报告的期限 2025-01-31');
  });
  it('through the parser: the body\'s kind from its title, the date in Chinese numerals', () => {
    const seed = readFileSync(join(FIX, 'seeds', '002_7b8566f6eb984e20.txt'), 'utf8');
    const parse = (text: string) => parseReport(textToDoc(text), { fileName: 't.txt' });
    const county = parse(`${seed}\n广州市番禺区人民政府\n二〇二五年二月十五日\n`);
    expect([county.orgKind, county.published]).toEqual(['government', '2025-02-15']);
    expect(county.findings.filter((f) => f.rule === 'deadline')).toEqual([]);
    const town = parse(`${seed.replaceAll('广州市番禺区人民政府', '广州市番禺区石碁镇人民政府')}\n二〇二五年二月十五日\n`);
    expect(town.orgKind).toBe('township');
    expect(town.findings.filter((f) => f.rule === 'deadline').map((f) => f.message))
      .toEqual(['发布日期 2025-02-15 晚于乡镇人民政府、街道办事处年度报告的期限 2025-01-31']);
  });
});
