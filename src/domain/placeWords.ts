/**
 * The words place names are made of, as data: level suffixes, the peoples named in autonomous areas, and the
 * short forms people write (延边 for 延边朝鲜族自治州, 凉山州, 鄂伦春旗, 广西, 番禺).
 */
import { memoize } from './memo.js';

/** Level suffixes, longest first; a name's short form is the name without one of them. */
export const LEVEL_SUFFIXES = [
  '特别行政区', '自治区', '自治州', '自治县', '自治旗', '地区', '林区', '特区', '省', '市', '盟', '区', '县', '旗',
];
/** Suffixes whose short form needs a longer stem (神农架林区 → 神农架, but 万柏林区 → 万柏林). */
const MIN_STEM: Record<string, number> = { 林区: 3 };

/** Autonomous areas: the suffix and the level word people put after the stripped name (凉山彝族自治州 → 凉山州). */
export const AUTONOMOUS_SHORT: Record<string, string> = { 自治州: '州', 自治县: '县', 自治旗: '旗', 自治区: '' };

/** Peoples named in the names of autonomous areas (蒙古, 哈萨克, 锡伯 are printed without 族 too). */
export const PEOPLES = [
  '维吾尔', '哈萨克', '柯尔克孜', '塔吉克', '乌孜别克', '塔塔尔', '俄罗斯', '达斡尔', '鄂温克', '鄂伦春', '土家', '哈尼',
  '傈僳', '拉祜', '纳西', '景颇', '布朗', '阿昌', '普米', '德昂', '独龙', '基诺', '布依', '仡佬', '撒拉', '保安', '东乡',
  '裕固', '毛南', '仫佬', '高山', '门巴', '珞巴', '赫哲', '蒙古', '朝鲜', '锡伯', '各', '壮', '回', '藏', '苗', '彝', '侗', '瑶',
  '白', '傣', '佤', '水', '羌', '黎', '畲', '满', '土', '怒', '京',
];

/** Peoples that names print without 族 (巴音郭楞蒙古自治州, 伊犁哈萨克自治州); one-character ones always carry 族. */
const BARE_PEOPLES = new Set(['维吾尔', '哈萨克', '柯尔克孜', '塔吉克', '蒙古', '锡伯', '鄂伦春']);

/** 湘西土家族苗族 → 湘西: peoples are taken off the end while at least two characters stay. */
function withoutPeoples(s: string): string {
  for (;;) {
    let cut = '';
    for (const p of PEOPLES) {
      for (const form of BARE_PEOPLES.has(p) ? [`${p}族`, p] : [`${p}族`]) {
        if (s.endsWith(form) && s.length - form.length >= 2 && form.length > cut.length) cut = form;
      }
    }
    if (!cut) return s;
    s = s.slice(0, -cut.length);
  }
}

/**
 * The name without its level suffix and peoples: 番禺区 → 番禺, 延边朝鲜族自治州 → 延边; two-character names stay.
 * Place names are few and asked for again and again (every body of a place): each is cut once.
 */
export const shortName = memoize(cutShort, 200_000);

function cutShort(name: string): string {
  for (const suf of LEVEL_SUFFIXES) {
    if (!name.endsWith(suf) || name.length - suf.length < (MIN_STEM[suf] ?? 2)) continue;
    let base = withoutPeoples(name.slice(0, -suf.length));
    // 东乡族自治县 → 东乡
    if (base.endsWith('族') && PEOPLES.includes(base.slice(0, -1)) && base.length >= 3) base = base.slice(0, -1);
    return base.length >= 2 ? base : name;
  }
  return name;
}

/** Every short form of a place name: 凉山彝族自治州 → 凉山, 凉山州; 鄂伦春自治旗 → 鄂伦春, 鄂伦春旗. */
export function placeAliases(name: string): string[] {
  const out = new Set<string>();
  const short = shortName(name);
  if (short !== name) out.add(short);
  for (const [suf, level] of Object.entries(AUTONOMOUS_SHORT)) {
    if (name.endsWith(suf) && short !== name && level) out.add(short + level);
  }
  out.delete(name);
  return [...out].filter((s) => s.length >= 2);
}

/** Characters OCR confuses (one stroke apart), as pairs: a misread place name is corrected only along them. */
export const OCR_CONFUSABLE = [
  '沐沭', '木术', '未末', '己已', '已巳', '己巳', '土士', '日曰', '人入', '大太', '太犬', '王玉', '刀力', '天夭', '干千',
  '汩汨', '戍戌', '拔拨', '候侯', '崇祟', '沽沾', '亳毫', '兖衮', '泌沁', '睢雎', '涞涑', '荥荣', '荥荧', '芮苪', '洛洺',
];

/** True when a and b are one OCR confusion apart (the pair in either order). */
export function confusable(a: string, b: string): boolean {
  return OCR_CONFUSABLE.some((p) => (p[0] === a && p[1] === b) || (p[0] === b && p[1] === a));
}
