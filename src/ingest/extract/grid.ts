/**
 * Table reconstruction from a PDF page: ruling lines (stroked paths and thin filled rectangles) from the
 * operator list, clustered into a grid; text items placed into cells by their centre.
 * Cells missing a border are merged (rowspan/colspan). Pure geometry, no domain knowledge.
 */
export interface Seg { a: number; lo: number; hi: number } // horizontal: a=y, lo..hi=x; vertical: a=x, lo..hi=y
export interface TextItem { s: string; x0: number; x1: number; y: number; h: number }
export interface GridCell { r: number; c: number; rowSpan: number; colSpan: number; items: TextItem[] }
export interface Grid { rows: number; cols: number; top: number; bottom: number; ys: number[]; cells: GridCell[] }

const TOL = 2;
type Mat = [number, number, number, number, number, number];
const mul = (m: Mat, n: Mat): Mat => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Mat, x: number, y: number): [number, number] => [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];

export interface OpsConst { save: number; restore: number; transform: number; constructPath: number; stroke: number; closeStroke: number; endPath: number }

/** Walk the operator list and collect horizontal and vertical ruling segments in page space. */
export function rulings(fnArray: number[], argsArray: unknown[], OPS: OpsConst): { H: Seg[]; V: Seg[] } {
  const H: Seg[] = [];
  const V: Seg[] = [];
  let ctm: Mat = [1, 0, 0, 1, 0, 0];
  const stack: Mat[] = [];
  const addBox = (x0: number, y0: number, x1: number, y1: number) => {
    const w = x1 - x0, h = y1 - y0;
    if (w < 0.5 && h < 0.5) return;
    if (h <= 3 && w > h) H.push({ a: (y0 + y1) / 2, lo: x0, hi: x1 });
    else if (w <= 3 && h > w) V.push({ a: (x0 + x1) / 2, lo: y0, hi: y1 });
    else {
      H.push({ a: y0, lo: x0, hi: x1 }, { a: y1, lo: x0, hi: x1 });
      V.push({ a: x0, lo: y0, hi: y1 }, { a: x1, lo: y0, hi: y1 });
    }
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(args as unknown as Mat, ctm);
    else if (fn === OPS.constructPath) {
      const paintOp = args[0] as number;
      const raw = args[1] as unknown;
      const data = (Array.isArray(raw) ? raw[0] : raw) as ArrayLike<number> | undefined;
      if (!data || paintOp === OPS.endPath) continue;
      const stroke = paintOp === OPS.stroke || paintOp === OPS.closeStroke;
      let pts: [number, number][] = [];
      const flush = () => {
        if (pts.length >= 2) {
          if (stroke) {
            for (let k = 1; k < pts.length; k++) {
              const [ax, ay] = pts[k - 1], [bx, by] = pts[k];
              addBox(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
            }
          } else {
            const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
            addBox(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
          }
        }
        pts = [];
      };
      for (let k = 0; k < data.length;) {
        const op = data[k++];
        if (op === 0) { flush(); pts.push(apply(ctm, data[k], data[k + 1])); k += 2; }
        else if (op === 1) { pts.push(apply(ctm, data[k], data[k + 1])); k += 2; }
        else if (op === 2) k += 6;
        else if (op === 3) k += 4;
        else if (op === 4) { if (stroke && pts.length) pts.push(pts[0]); flush(); }
        else break;
      }
      flush();
    }
  }
  return { H, V };
}

function cluster(vals: number[]): number[] {
  const s = [...vals].sort((a, b) => a - b);
  const out: { max: number; sum: number; n: number }[] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last.max <= TOL) { last.max = v; last.sum += v; last.n++; } else out.push({ max: v, sum: v, n: 1 });
  }
  return out.map((c) => c.sum / c.n);
}

const covered = (segs: Seg[], pos: number, from: number, to: number) =>
  segs.some((s) => Math.abs(s.a - pos) <= TOL && s.lo <= from + TOL && s.hi >= to - TOL);

function find(par: number[], i: number): number {
  while (par[i] !== i) { par[i] = par[par[i]]; i = par[i]; }
  return i;
}

/** Connected groups of touching segments: each is one table. */
function components(H: Seg[], V: Seg[]): { H: Seg[]; V: Seg[] }[] {
  const all = [...H.map((s) => ({ h: true, s })), ...V.map((s) => ({ h: false, s }))];
  const par = all.map((_, i) => i);
  const touch = (p: { h: boolean; s: Seg }, q: { h: boolean; s: Seg }) => {
    if (p.h === q.h) return Math.abs(p.s.a - q.s.a) <= TOL && p.s.lo <= q.s.hi + TOL && q.s.lo <= p.s.hi + TOL;
    const h = p.h ? p.s : q.s, v = p.h ? q.s : p.s;
    return v.a >= h.lo - TOL && v.a <= h.hi + TOL && h.a >= v.lo - TOL && h.a <= v.hi + TOL;
  };
  // sort-and-sweep would be faster; tables have at most a few hundred segments per page
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) {
    if (touch(all[i], all[j])) par[find(par, i)] = find(par, j);
  }
  const groups = new Map<number, { H: Seg[]; V: Seg[] }>();
  all.forEach((x, i) => {
    const r = find(par, i);
    if (!groups.has(r)) groups.set(r, { H: [], V: [] });
    (x.h ? groups.get(r)!.H : groups.get(r)!.V).push(x.s);
  });
  return [...groups.values()].filter((g) => g.H.length >= 2 && g.V.length >= 2);
}

/** Build grids from the page's rulings and place the items; items placed are removed from `items`' result. */
export function buildGrids(H: Seg[], V: Seg[], items: TextItem[]): { grids: Grid[]; loose: TextItem[] } {
  const grids: Grid[] = [];
  const used = new Set<TextItem>();
  for (const g of components(H, V)) {
    const xs = cluster(g.V.map((v) => v.a));
    const ys = cluster(g.H.map((h) => h.a)).sort((a, b) => b - a); // top → bottom (PDF y grows upwards)
    if (xs.length < 2 || ys.length < 2) continue;
    const R = ys.length - 1, C = xs.length - 1;
    const id = (r: number, c: number) => r * C + c;
    const par = Array.from({ length: R * C }, (_, i) => i);
    for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) {
      const top = ys[r], bot = ys[r + 1], l = xs[c], rt = xs[c + 1];
      if (c + 1 < C && !covered(g.V, rt, bot, top)) par[find(par, id(r, c))] = find(par, id(r, c + 1));
      if (r + 1 < R && !covered(g.H, bot, l, rt)) par[find(par, id(r, c))] = find(par, id(r + 1, c));
    }
    const cells = new Map<number, GridCell & { r1: number; c1: number }>();
    for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) {
      const k = find(par, id(r, c));
      const cell = cells.get(k) ?? { r, c, r1: r, c1: c, rowSpan: 1, colSpan: 1, items: [] };
      cell.r1 = Math.max(cell.r1, r); cell.c1 = Math.max(cell.c1, c);
      cells.set(k, cell);
    }
    for (const it of items) {
      if (used.has(it)) continue;
      const x = (it.x0 + it.x1) / 2, y = it.y + it.h * 0.35;
      const c = xs.findIndex((v, i) => i < C && x >= v && x < xs[i + 1]);
      const r = ys.findIndex((v, i) => i < R && y <= v && y > ys[i + 1]);
      if (r < 0 || c < 0) continue;
      cells.get(find(par, id(r, c)))!.items.push(it);
      used.add(it);
    }
    const list = [...cells.values()].map(({ r1, c1, ...cell }) => ({ ...cell, rowSpan: r1 - cell.r + 1, colSpan: c1 - cell.c + 1 }));
    grids.push({ rows: R, cols: C, top: ys[0], bottom: ys[R], ys, cells: list });
  }
  return { grids: grids.sort((a, b) => b.top - a.top), loose: items.filter((it) => !used.has(it)) };
}

/** Join items into text lines: top to bottom by baseline, left to right; wide gaps become tabs. */
export function joinLines(items: TextItem[], tabs: boolean): { y: number; text: string }[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: { y: number; h: number; items: TextItem[] }[] = [];
  for (const it of sorted) {
    const l = lines.find((L) => Math.abs(L.y - it.y) < Math.max(1, Math.min(L.h, it.h) * 0.5));
    if (l) l.items.push(it); else lines.push({ y: it.y, h: it.h, items: [it] });
  }
  return lines.sort((a, b) => b.y - a.y).map((L) => {
    L.items.sort((a, b) => a.x0 - b.x0);
    let out = '';
    L.items.forEach((it, i) => {
      const prev = L.items[i - 1];
      if (prev) {
        const gap = it.x0 - prev.x1;
        if (tabs && gap > Math.max(L.h, 6) * 1.5) out += '\t';
        // a visible gap separates words; a number next to a label must not be glued to it ("政府信0")
        else if (gap > it.h * 0.25 && !/\s$/.test(out) && !/^\s/.test(it.s)) out += ' ';
      }
      out += it.s;
    });
    return { y: L.y, text: out };
  });
}

/** A grid as rows of cell texts (a spanned slot is ''), each with the y of its top border. */
export function gridRows(g: Grid): { y: number; cells: string[] }[] {
  const rows = Array.from({ length: g.rows }, () => Array.from({ length: g.cols }, () => ''));
  for (const cell of g.cells) rows[cell.r][cell.c] = joinLines(cell.items, false).map((l) => l.text).join('');
  return rows.map((cells, r) => ({ y: g.ys[r], cells }));
}
