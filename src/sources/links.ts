/**
 * Links to reports on a 年报 listing page: report pages and files (HTML, PDF, DOC/DOCX) told by their link text
 * (年度报告, 年报, 政府信息公开工作…报告) and their address (.pdf/.doc/.docx, article paths such as /art/, t20250120_…,
 * post_…). Navigation, guides (指南), rules (制度), plans (要点) and interpretations (解读) are left out. Pure.
 */
import * as cheerio from 'cheerio';
import { nfkc } from '../domain/normalize.js';
import { urlFileName } from './files.js';

export type LinkKind = 'file' | 'page';
export interface ReportLink { url: string; text: string; kind: LinkKind }

/** The words of a report's title. */
const REPORT_TEXT = new RegExp([
  '(?:政府信息公开|政务信息公开|政务公开|信息公开)(?:工作)?(?:情况)?(?:年度)?(?:报告|年报)',
  '(?:\\d{4}|[〇○零一二三四五六七八九]{4})\\s*年\\s*(?:度\\s*)?(?:的\\s*)?(?:工作\\s*)?(?:年度报告|年报|报告)',
].join('|'));
/** Words of what is not a report, even with report words beside them. */
const NOT_REPORT_TEXT = new RegExp([
  '指南', '制度', '规定', '办法', '目录', '要点', '计划', '方案', '通知', '申请表', '意见', '征集', '解读', '图解',
  '问答', '首页', '更多', '下一页', '上一页', '尾页', '末页', '返回', '打印', '关闭', '网站地图', '联系我们', '编制',
].join('|'));
/** Link text that says nothing of the content: then the file's own name decides. */
const GENERIC_TEXT = new RegExp(`^(?:${[
  '附件\\s*\\d*\\s*[:：]?', '下载', '点击下载', '附件下载', '下载附件', '点击查看', '查看', '查看原文', '原文', '全文', '原文下载',
  'pdf版?', 'word版?', '\\[?(?:pdf|docx?)\\]?',
].join('|')})?$`, 'i');
const FILE_URL = /\.(?:pdf|docx?)$/i;
/** Files that are not reports (archives, sheets, images, media, OFD …). */
const OTHER_FILE_URL = /\.(?:zip|rar|7z|xlsx?|et|pptx?|jpe?g|png|gif|mp4|mp3|exe|apk|ofd|wps|txt|xml|json|css|js)$/i;
/** Addresses of article pages on government sites (Zhejiang /art/, TRS t20250120_123.html, gkmlpt post_123 …). */
const ARTICLE_URL = new RegExp([
  '/art/', '/art_\\d+_\\d+', '/t(?:19|20)\\d{6}_\\d+', '/post_\\d+', '/content/', '/(?:19|20)\\d{4,6}/[^/]+\\.s?html?$',
  '/info/\\d+/\\d+', 'detail', 'article',
].join('|'), 'i');
/** Addresses of listing and column pages (the same list again, another column). */
const LISTING_URL = /\/col\/|\/index(?:_\d+)?\.s?html?$|\/list|column|channel|\/node_\d+|\/$/i;
const YEAR = /(?:19|20)\d{2}\s*年|[〇○零一二三四五六七八九]{4}\s*年/;
const SKIP_CONTAINERS = 'nav, header, footer';

const clean = (s: string) => nfkc(s).replace(/\s+/g, ' ').trim();

/** A report file (PDF, DOC, DOCX) by its address, else a page. */
export const kindOf = (url: string): LinkKind => (FILE_URL.test(new URL(url).pathname) ? 'file' : 'page');

/** Is a link (its text and absolute URL) a report page or file? The kind, or null. */
export function classifyLink(text: string, url: string): LinkKind | null {
  const u = new URL(url);
  const path = u.pathname;
  const file = urlFileName(url);
  const said = clean(text);
  if (NOT_REPORT_TEXT.test(said) || NOT_REPORT_TEXT.test(file)) return null;
  if (OTHER_FILE_URL.test(path)) return null;
  const reportWords = REPORT_TEXT.test(said);
  if (FILE_URL.test(path)) {
    // a file says what it is by its link text, or, under a link that says nothing, by its own name
    return reportWords || (GENERIC_TEXT.test(said) && REPORT_TEXT.test(clean(file))) ? 'file' : null;
  }
  if (!reportWords) return null;
  if (ARTICLE_URL.test(path + u.search)) return 'page';
  return YEAR.test(said) && !LISTING_URL.test(path) ? 'page' : null;
}

/** An http(s) address without its fragment, resolved against `base`; null for javascript:, mailto: and the like. */
function resolveHref(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** The report links of a listing page at `pageUrl`, in page order, each address once. */
export function findReportLinks(html: string, pageUrl: string): ReportLink[] {
  const $ = cheerio.load(html);
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref && resolveHref(baseHref, pageUrl)) || pageUrl;
  const page = resolveHref(pageUrl, pageUrl);
  const found = new Map<string, ReportLink>();
  $('a[href]').each((_, a) => {
    const el = $(a);
    if (el.closest(SKIP_CONTAINERS).length) return;
    const url = resolveHref(el.attr('href') ?? '', base);
    if (!url || url === page) return;
    // a truncated title ("…工作年…") is often whole in the title attribute
    const texts = [clean(el.attr('title') ?? ''), clean(el.text())].filter(Boolean);
    const text = texts.sort((x, y) => y.length - x.length)[0] ?? '';
    const kind = classifyLink(text, url);
    if (!kind) return;
    const seen = found.get(url);
    if (!seen || seen.text.length < text.length) found.set(url, { url, text, kind });
  });
  return [...found.values()];
}
