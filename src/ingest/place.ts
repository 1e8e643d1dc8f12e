/**
 * Where a body is, from its name and the report's own evidence: 地址, 邮编, 电话 area codes, website hosts (their
 * labels spelt in pinyin, full or initials), parent places and bodies named in the text, the file's source.
 * Several places of one name (鼓楼区 in 南京, 徐州, 福州, 开封) are told apart only by such evidence; what told
 * them apart is kept in the placement. Nothing here looks at a file's name.
 */
import { pinyin } from 'pinyin-pro';
import { gazetteer, shortName, type Place } from '../domain/gazetteer.js';
import type { EvidenceKind, PlaceEvidence, Placement } from '../domain/identity.js';
import { AREA_CODES, POSTAL_CITIES, POSTAL_PROVINCES } from '../domain/placeCodes.js';

export interface PlaceOptions { /** The URL or host the file came from, when known. */ source?: string }

/** A piece of evidence: which candidates it fits; `points` when it names places (so a misfit is a conflict). */
interface Reading { kind: EvidenceKind; text: string; fits: (c: Place) => boolean; points: boolean; weak?: boolean }

const ADDRESS = /(?:通信|通讯|联系|办公|单位)?地\s*址\s*[:：]\s*([^\n]{4,80})/g;
const ADDRESS_END = /[，,。；;|]|邮政编码|邮编|电话|传真|网址|电子邮箱|\s{2,}/;
const POSTCODE = /(?:邮政编码|邮编)\s*[:：]?\s*(\d{6})(?!\d)/g;
const PHONE = /(?<!\d)(?:[（(]\s*(0\d{2,3})\s*[)）]\s*|(0\d{2,3})\s*[-－—–]\s*)\d{7,8}(?!\d)/g;
const HOST = /(?:https?:\/\/)?((?:[a-z0-9-]+\.)+(?:gov\.cn|com\.cn|org\.cn|net\.cn|cn|com|net|org))(?![a-z0-9-])/gi;
/** Host labels that name no place. */
const GENERIC_LABELS = new Set([
  'www', 'gov', 'cn', 'com', 'net', 'org', 'edu', 'xxgk', 'zwgk', 'zfxxgk', 'gk', 'zw', 'm', 'wap', 'mp', 'weixin',
  'qq', 'gkml', 'fdzdgknr',
]);
/** Words after a place that make it a body (福州市人民政府, 福州市委, 中共福州市…). */
const BODY_AFTER = ['人民政府', '政府', '委员会', '市委', '区委', '县委', '省委', '委'];
const MAX_EVIDENCE = 12;

const isIn = (c: Place, p: Place) => c.code.startsWith(p.code);
const ancestors = (c: Place): Place[] => {
  const out: Place[] = [];
  for (let p = gazetteer().parent(c); p; p = gazetteer().parent(p)) out.push(p);
  return out;
};
/** Gazetteer places for names of a data table ("阜阳市 亳州市"). */
const placesNamed = (names: string) =>
  names.split(' ').flatMap((n) => gazetteer().lookup(n).filter((p) => p.name === n));

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

function pointsTo(kind: EvidenceKind, text: string, places: Place[]): Reading {
  return { kind, text, points: true, fits: (c) => places.some((p) => isIn(c, p)) };
}

function addressReadings(text: string, cands: Place[]): Reading[] {
  const out: Reading[] = [];
  for (const m of matches(ADDRESS, text)) {
    const addr = m[1].split(ADDRESS_END)[0].trim();
    const named = gazetteer().mentioned(addr).filter((p) => !cands.some((c) => c.name === p.name));
    const inTown = (c: Place) => gazetteer().townsOf(c).some((t) => addr.includes(t.name));
    const towns = /镇|乡|街道|苏木/.test(addr) ? cands.filter(inTown) : [];
    const shortHit = (c: Place) => ancestors(c).some((a) => addr.includes(shortName(a.name) + c.name));
    if (!named.length && !towns.length && !cands.some(shortHit)) continue;
    out.push({
      kind: 'address', text: addr, points: named.length > 0,
      fits: (c) => named.some((p) => isIn(c, p)) || towns.includes(c) || shortHit(c),
    });
  }
  return out;
}

function codeReadings(text: string): Reading[] {
  const out: Reading[] = [];
  for (const m of matches(POSTCODE, text)) {
    const province = POSTAL_PROVINCES[m[1].slice(0, 2)];
    const city = POSTAL_CITIES[m[1].slice(0, 3)];
    if (city) out.push(pointsTo('postcode', m[0], placesNamed(city)));
    else if (province) out.push(pointsTo('postcode', m[0], placesNamed(province)));
  }
  for (const m of matches(PHONE, text)) {
    const code = m[1] ?? m[2];
    const norm = /^0[12]/.test(code) ? code.slice(0, 3) : code.length === 4 ? code : '';
    if (norm && AREA_CODES[norm]) out.push(pointsTo('phone', m[0].trim(), placesNamed(AREA_CODES[norm])));
  }
  return out;
}

const spell = (name: string) => {
  const s = shortName(name);
  return {
    full: (pinyin(s, { toneType: 'none', type: 'array', v: true }) as string[]).join(''),
    initials: (pinyin(s, { pattern: 'first', toneType: 'none', type: 'array' }) as string[]).join(''),
  };
};

/** The host labels a place's path may be spelt as: nanjing, nj, njgl, nanjinggulou, gulou, gl … */
function hostTokens(c: Place): Set<string> {
  const path = [...ancestors(c).reverse(), c].map((p) => spell(p.name));
  const out = new Set<string>();
  path.forEach((s, i) => {
    out.add(s.full).add(s.initials);
    const up = path[i - 1];
    if (up) out.add(up.full + s.full).add(up.initials + s.initials).add(up.initials + s.full).add(up.full + s.initials);
  });
  return out;
}

function hostReadings(text: string, kind: EvidenceKind): Reading[] {
  const out: Reading[] = [];
  const seen = new Set<string>();
  const tokens = new Map<string, Set<string>>();
  const tokensOf = (c: Place) => tokens.get(c.code) ?? tokens.set(c.code, hostTokens(c)).get(c.code)!;
  for (const m of matches(HOST, text)) {
    const host = m[1].toLowerCase();
    if (seen.has(host)) continue;
    seen.add(host);
    // each label on its own: in gl.fuzhou.gov.cn, gl fits every 鼓楼区 and fuzhou only 福州's
    for (const l of host.split('.').filter((x) => !GENERIC_LABELS.has(x) && /^[a-z]{2,}$/.test(x))) {
      out.push({ kind, text: host, points: false, fits: (c) => tokensOf(c).has(l) });
    }
  }
  return out;
}

/** 福州市鼓楼区, 福州鼓楼, 福州市人民政府, 中共福州市委 … in the text; and, weaker, any mention of a place above. */
function parentReadings(text: string, cands: Place[]): { strong: Reading[]; weak: Reading[] } {
  const strong = new Map<string, Place[]>();
  const weak = new Map<string, Place[]>();
  for (const c of cands) {
    for (const a of ancestors(c)) {
      const forms = [...new Set([a.name, shortName(a.name)])].filter((f) => f.length >= 2);
      const hits = [
        ...forms.flatMap((f) => [c.name, shortName(c.name)].map((s) => f + s)),
        ...BODY_AFTER.map((w) => a.name + w), `中共${a.name}`,
      ].filter((s) => text.includes(s));
      for (const h of hits.slice(0, 1)) strong.set(h, [...(strong.get(h) ?? []), a]);
      if (a.name.length >= 3 && text.includes(a.name)) weak.set(a.name, [...(weak.get(a.name) ?? []), a]);
    }
  }
  const toReading = (weakOne: boolean) => ([t, ps]: [string, Place[]]): Reading =>
    ({ ...pointsTo(weakOne ? 'context' : 'parent', t, ps), weak: weakOne });
  return { strong: [...strong].map(toReading(false)), weak: [...weak].map(toReading(true)) };
}

/**
 * Narrow `cands` by the strong readings in turn (one that fits none left is a conflict when it names places);
 * then the weak ones decide only together and alone: a mention of 南京市 places a 鼓楼区 only when no other
 * 鼓楼区's city or province is named.
 */
function narrow(cands: Place[], readings: Reading[]) {
  let left = cands;
  const evidence: PlaceEvidence[] = [];
  const conflicts: PlaceEvidence[] = [];
  const record = (r: Reading, fit: Place[]): PlaceEvidence =>
    ({ kind: r.kind, text: r.text, fits: fit.map((p) => p.path) });
  for (const r of readings.filter((x) => !x.weak)) {
    const fit = left.filter(r.fits);
    if (!fit.length) {
      if (r.points) conflicts.push(record(r, cands.filter(r.fits)));
      continue;
    }
    evidence.push({ ...record(r, fit), ...(fit.length < left.length ? { decided: true } : {}) });
    left = fit;
  }
  const weak = readings.filter((x) => x.weak && left.some(x.fits));
  const named = left.filter((c) => weak.some((r) => r.fits(c)));
  if (left.length > 1 && named.length === 1) {
    for (const r of weak) evidence.push({ ...record(r, named), decided: true });
    left = named;
  }
  return { left, evidence: evidence.slice(0, MAX_EVIDENCE), conflicts: conflicts.slice(0, MAX_EVIDENCE) };
}

function readingsFor(text: string, cands: Place[], opts: PlaceOptions): Reading[] {
  const parents = parentReadings(text, cands);
  return [
    ...addressReadings(text, cands), ...codeReadings(text), ...hostReadings(text, 'host'),
    ...(opts.source ? hostReadings(opts.source, 'source') : []), ...parents.strong, ...parents.weak,
  ];
}

export interface PlaceResult { region: string[] | null; placement: Placement }

/** The region and placement of a body named `org` in a report whose text is `text`. */
export function placeBody(org: string, text: string, opts: PlaceOptions = {}): PlaceResult {
  const source = opts.source ? hostReadings(opts.source, 'source')[0]?.text ?? opts.source : undefined;
  const base = { conflicts: [] as PlaceEvidence[], ...(source ? { source } : {}) };
  const read = gazetteer().readName(org);
  if (!read) {
    return { region: null, placement: { ...base, status: 'unknown', named: null, candidates: [], evidence: [] } };
  }
  const candidates = read.candidates.map((c) => c.path);
  if (read.candidates.length === 1) {
    const evidence: PlaceEvidence[] = [{ kind: 'name', text: read.surface, fits: candidates, decided: true }];
    const placement: Placement = { ...base, status: 'placed', named: read.surface, candidates, evidence };
    return { region: candidates[0], placement };
  }
  const { left, evidence, conflicts } = narrow(read.candidates, readingsFor(text, read.candidates, opts));
  const status = left.length === 1 ? 'placed' : 'ambiguous';
  const placement: Placement = { ...base, status, named: read.surface, candidates, evidence, conflicts };
  return { region: status === 'placed' ? left[0].path : null, placement };
}

/** A misread place name at the start of a body's name (OCR), corrected from the report's own evidence. */
export function correctPlaceName(org: string, text: string): { from: string; to: string } | null {
  return gazetteer().correct(org, text, (cands) => {
    const strong = readingsFor(text, cands, {}).filter((r) => !r.weak);
    const { left } = narrow(cands, strong);
    return left.length < cands.length ? left : [];
  });
}
