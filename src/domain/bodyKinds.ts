/**
 * What kind of body a name denotes, and by when its annual report is due. The kind comes from the
 * organisation-word lexicon (orgWords.ts): the longest organisation word the name ends with gives it, a name
 * ending in a place word (上海市, 保康县, 某某旗) is that place's government, and a second name in brackets at
 * the end (银川市民族事务委员会（宗教事务局）) is left aside. The deadline is a table by kind.
 */
import { ORG_WORDS, PLACE_SUFFIXES, type BodyKind } from './orgWords.js';

export type { BodyKind };

/** Places whose names end in an organisation word: 浦东新区 and 滨海新区 are districts, 景德镇 is a city. */
export const PLACES_ENDING_IN_ORG_WORDS = ['浦东新区', '滨海新区', '景德镇'];

/**
 * A government's liaison office in another city (某某省人民政府驻北京办事处, 驻京办) is a department, not a
 * sub-district office: the lead word stands at most `within` characters before the office word.
 */
export const LIAISON = { lead: '驻', words: ['办事处', '联络处', '办'], within: 6, kind: 'department' as BodyKind };

/** The level a kind of body stands at, as the regulations tell deadlines apart. */
export type Level = 'county_or_higher' | 'township' | 'department';

export interface Deadline {
  /** Month and day of the year after the report year. */
  monthDay: '01-31' | '03-31';
  /** The rule in words, for messages: 「晚于{rule}的期限 2025-01-31」. */
  rule: string;
}

/**
 * Deadlines by kind (《政府信息公开条例》第四十九、五十条): a county-or-higher government's own report by 31 March;
 * departments, offices, 乡镇 and 街道 (township level) and every other body by 31 January.
 */
export const DEADLINES: Record<BodyKind, Deadline & { level: Level }> = {
  government: { level: 'county_or_higher', monthDay: '03-31', rule: '县级以上地方人民政府年度报告' },
  corps: { level: 'county_or_higher', monthDay: '03-31', rule: '新疆生产建设兵团及其师年度报告' },
  township: { level: 'township', monthDay: '01-31', rule: '乡镇人民政府、街道办事处年度报告' },
  street: { level: 'township', monthDay: '01-31', rule: '乡镇人民政府、街道办事处年度报告' },
  farm: { level: 'township', monthDay: '01-31', rule: '农场、林场、团场年度报告' },
  office: { level: 'department', monthDay: '01-31', rule: '政府办公厅（室）年度报告' },
  department: { level: 'department', monthDay: '01-31', rule: '部门年度报告' },
  zone: { level: 'department', monthDay: '01-31', rule: '开发区管理机构年度报告' },
  institution: { level: 'department', monthDay: '01-31', rule: '事业单位年度报告' },
  customs: { level: 'department', monthDay: '01-31', rule: '海关年度报告' },
  other: { level: 'department', monthDay: '01-31', rule: '部门及其他机关年度报告' },
};

const byLength = <T>(xs: T[], key: (x: T) => string) => [...xs].sort((a, b) => key(b).length - key(a).length);
const ORGS = byLength(ORG_WORDS, (w) => w.word);
const PLACES = byLength(PLACE_SUFFIXES, (w) => w);
const TRAILING_BRACKET = /[（(][^（）()]*[）)]$/;

/** The name as judged: no spaces, no second name in brackets at the end. */
export function nameCore(name: string): string {
  let n = name.replace(/\s+/g, '');
  while (TRAILING_BRACKET.test(n) && n.replace(TRAILING_BRACKET, '').length >= 2) n = n.replace(TRAILING_BRACKET, '');
  return n;
}

export interface BodyClass {
  kind: BodyKind;
  /** The word that decided: an organisation word, a place word, or a listed place. */
  word: string | null;
  by: 'org_word' | 'place' | 'listed_place' | 'liaison' | 'none';
}

/** The kind of a body's name, with the word that decided it. */
export function classifyBody(name: string): BodyClass {
  const n = nameCore(name);
  const listed = PLACES_ENDING_IN_ORG_WORDS.find((p) => n.endsWith(p));
  if (listed) return { kind: 'government', word: listed, by: 'listed_place' };
  const org = ORGS.find((w) => n.endsWith(w.word));
  const place = PLACES.find((p) => n.endsWith(p));
  if (org && (!place || org.word.length >= place.length)) {
    const office = LIAISON.words.find((w) => n.endsWith(w));
    const lead = office ? n.lastIndexOf(LIAISON.lead, n.length - office.length - 1) : -1;
    if (office && lead >= 0 && n.length - office.length - lead <= LIAISON.within) {
      return { kind: LIAISON.kind, word: office, by: 'liaison' };
    }
    return { kind: org.kind, word: org.word, by: 'org_word' };
  }
  if (place) return { kind: 'government', word: place, by: 'place' };
  return { kind: 'other', word: null, by: 'none' };
}

export const bodyKind = (name: string): BodyKind => classifyBody(name).kind;

export const isBodyKind = (s: string): s is BodyKind => Object.hasOwn(DEADLINES, s);

/** The deadline for a body, given its name or its kind. */
export function deadlineOf(nameOrKind: string): Deadline {
  const { monthDay, rule } = DEADLINES[isBodyKind(nameOrKind) ? nameOrKind : bodyKind(nameOrKind)];
  return { monthDay, rule };
}

/** The last day (ISO) for the report of `year`, and the rule that set it. */
export function deadlineFor(nameOrKind: string, year: number): Deadline & { date: string } {
  const d = deadlineOf(nameOrKind);
  return { ...d, date: `${year + 1}-${d.monthDay}` };
}

/** The deadlines in one sentence, from the table: 「县级以上地方人民政府年度报告…为次年3月31日，其余为次年1月31日」. */
export function deadlineSummary(): string {
  const cn = (md: string) => `次年${Number(md.slice(0, 2))}月${Number(md.slice(3))}日`;
  const rows = Object.values(DEADLINES);
  const count = (md: string) => rows.filter((r) => r.monthDay === md).length;
  const common = [...new Set(rows.map((r) => r.monthDay))].sort((a, b) => count(b) - count(a))[0];
  const special = [...new Set(rows.map((r) => r.monthDay))].filter((md) => md !== common)
    .map((md) => `${[...new Set(rows.filter((r) => r.monthDay === md).map((r) => r.rule))].join('、')}为${cn(md)}`);
  return `${special.join('，')}，其余为${cn(common)}`;
}
