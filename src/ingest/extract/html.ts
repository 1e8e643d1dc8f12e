/** HTML (a saved report or a whole government web page) and DOCX (through mammoth) to lines. */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { DocLine, ExtractedDoc } from '../doc.js';
import { nfkc } from '../normalize.js';

const SKIP = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'iframe', 'svg', 'form', 'button', 'select', 'template']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'br', 'tr', 'td', 'th', 'table', 'tbody', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'center', 'title', 'body', 'aside']);
const CHROME = /(^|[\s_-])(nav|menu|breadcrumb|footer|header|sidebar|share|topbar|crumb)([\s_-]|$)/i;

const cellText = (s: string) => nfkc(s).replace(/\s+/g, ' ').trim();

/** Expand a table with rowspan/colspan into a rectangle; a spanned slot repeats nothing (''). */
function tableGrid($: cheerio.CheerioAPI, table: Element): string[][] {
  const grid: (string | undefined)[][] = [];
  $(table).find('tr').filter((_, tr) => $(tr).closest('table')[0] === table).each((r, tr) => {
    grid[r] ??= [];
    let c = 0;
    $(tr).children('td,th').each((_, td) => {
      while (grid[r][c] !== undefined) c++;
      const rs = Math.max(1, Math.min(200, Number($(td).attr('rowspan') ?? 1) || 1));
      const cs = Math.max(1, Math.min(50, Number($(td).attr('colspan') ?? 1) || 1));
      const text = cellText($(td).text());
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) {
        grid[r + i] ??= [];
        grid[r + i][c + j] = i === 0 && j === 0 ? text : '';
      }
      c += cs;
    });
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** The elements with a table somewhere inside them, found in one pass over the tree (not a search per element). */
function tableHolders(root: AnyNode): Set<AnyNode> {
  const order: AnyNode[] = [];
  const todo: AnyNode[] = [root];
  while (todo.length) {
    const n = todo.pop()!;
    order.push(n);
    for (const c of (n as Element).children ?? []) todo.push(c);
  }
  const out = new Set<AnyNode>();
  for (let i = order.length - 1; i >= 0; i--) { // children before their parents
    const n = order[i];
    if (n.parent && ((n as Element).name?.toLowerCase?.() === 'table' || out.has(n))) out.add(n.parent);
  }
  return out;
}

export function htmlToDoc(html: string, kind: ExtractedDoc['kind'] = 'html'): ExtractedDoc {
  const $ = cheerio.load(html);
  const lines: DocLine[] = [];
  let buf = '';
  let tableNo = 0;
  let lineNo = 0;
  const flush = () => {
    for (const part of nfkc(buf).split('\n')) {
      const t = part.replace(/[ \t]+/g, ' ').trim();
      if (t) lines.push({ page: 1, line: ++lineNo, cells: [t] });
    }
    buf = '';
  };
  const root = ($('body')[0] ?? $.root()[0]) as AnyNode;
  const holders = tableHolders(root);
  // depth-first without recursion (a page nested 50 000 deep must not overflow the stack); '\n' closes a block
  const todo: (AnyNode | '\n')[] = [root];
  while (todo.length) {
    const node = todo.pop()!;
    if (node === '\n') { buf += '\n'; continue; }
    if (node.type === 'text') { buf += (node as unknown as { data: string }).data; continue; }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style' && node.type !== 'root') continue;
    const el = node as Element;
    const name = el.name?.toLowerCase?.() ?? '';
    if (SKIP.has(name)) continue;
    const cls = `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`;
    if (name && name !== 'body' && CHROME.test(cls) && !holders.has(el)) continue;
    // a table holding tables is page layout (old government sites): its cells are read as blocks
    if (name === 'table' && !holders.has(el)) {
      flush();
      const grid = tableGrid($, el);
      const width = grid[0]?.length ?? 0;
      tableNo++;
      for (const row of grid) {
        lines.push({ page: 1, line: ++lineNo, cells: row, grid: { table: tableNo, width } });
      }
      continue;
    }
    if (BLOCK.has(name)) { buf += '\n'; todo.push('\n'); }
    const children = el.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) todo.push(children[i]);
  }
  flush();
  const title = cellText($('title').first().text());
  return { kind, pages: 1, lines, meta: title ? { title } : {} };
}

export async function docxToDoc(buf: Buffer): Promise<ExtractedDoc> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.convertToHtml({ buffer: buf });
  return htmlToDoc(value, 'docx');
}
