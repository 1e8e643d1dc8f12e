/** file → (worker) parse → store, one transaction per file. The only way reports get into the database. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { auditAcrossYears } from './audit.js';
import { isTransient, Rejection } from './errors.js';
import { duplicateFindings, identify } from './bodyIdentity.js';
import type { Cell, Finding, ParsedReport } from './report.js';
import { hasOverride, type TitleOverride } from './override.js';
import type { ExtractRunner } from './runner.js';
import { reportJson, type ReportJson } from './summary.js';
import type { ReportRow, Store } from '../store/store.js';
import { PARSER_VERSION } from './version.js';
import { expandPaths, type Skipped } from './paths.js';
import { inOrder } from './batch.js';
import { enqueueAlerts } from '../alerts/outbox.js';

export type IngestStatus = 'ingested' | 'unchanged' | 'replaced' | 'rejected';
export interface FindingJson { rule: string; severity: string; message: string; excerpt?: string; page?: number }
export interface IngestOutcome {
  file: string;
  status: IngestStatus;
  reason?: string;
  code?: string;
  reportId?: number;
  report?: ReportJson;
  findings: FindingJson[];
  cells?: number;
}

export interface IngestContext { store: Store; runner: ExtractRunner; maxBytes: number }
/** Where a file came from: the web address it was downloaded from (kept with the report; its host helps place the body). */
export interface FileOrigin { url?: string }

export { expandPaths, type Skipped } from './paths.js';

export const sha256 = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

const findingJson = (f: Pick<Finding, 'rule' | 'severity' | 'message'> & { excerpt?: string | null; page?: number | null }): FindingJson => ({
  rule: f.rule, severity: f.severity, message: f.message, ...(f.excerpt ? { excerpt: f.excerpt } : {}), ...(f.page ? { page: f.page } : {}),
});

function rejected(file: string, e: unknown): IngestOutcome {
  const r = e instanceof Rejection ? e : new Rejection('internal', `could not be processed (${(e as Error)?.message ?? e})`);
  return { file, status: 'rejected', code: r.code, reason: `${basename(file)} ${r.message}`, findings: [] };
}

/**
 * One file into the store. `override` is the body and/or year an admin gave: the file is parsed again even when
 * stored before (the admin corrects it), and the override is kept for later parses of the same file.
 */
export async function ingestFile(
  path: string, ctx: IngestContext, override?: TitleOverride, origin?: FileOrigin,
): Promise<IngestOutcome> {
  const file = path;
  let buf: Buffer;
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) throw new Rejection('unsupported_type', 'does not exist');
    if (!st.isFile()) throw new Rejection('unsupported_type', 'is not a regular file');
    if (st.size > ctx.maxBytes) throw new Rejection('too_large', `is too large (${(st.size / 2 ** 20).toFixed(1)} MB; the limit is ${(ctx.maxBytes / 2 ** 20).toFixed(0)} MB)`);
    buf = readFileSync(path);
  } catch (e) {
    return rejected(file, e);
  }
  const sha = sha256(buf);
  const known = ctx.store.reportBySha(sha);
  const given = hasOverride(override) ? override : undefined;
  if (known && !given && known.parser_version >= PARSER_VERSION) {
    return { ...storedOutcome(ctx.store, known.id), file, status: 'unchanged' };
  }
  const use = given ?? storedOverride(known);
  const sourceUrl = origin?.url ?? known?.source_url ?? undefined; // a file parsed again keeps its address

  let parsed: ParsedReport;
  try {
    parsed = await ctx.runner.run(buf, basename(path), undefined, use, sourceUrl && new URL(sourceUrl).host);
  } catch (e) {
    const out = rejected(file, e);
    // a timeout, a crash or the reader running out of memory is no verdict on the file: tried again next time
    const transient = isTransient(out.code);
    if (transient) out.reason = `${out.reason} (no verdict on the file: it is tried again at the next start or ingest)`;
    ctx.store.recordSource(sha, basename(path), transient ? 'failed' : 'rejected', PARSER_VERSION, out.reason);
    return out;
  }
  // a file stored by an older parser is parsed again and its report replaced
  let saved: { id: number; replaced?: number };
  try {
    // the stored row as it is now: another file may have been stored while this one was read
    const current = known && ctx.store.reportById(known.id);
    saved = saveParsed(ctx.store, parsed, { file: basename(path), sha, override: use, sourceUrl }, current);
  } catch (e) {
    // another process stored the same file meanwhile: nothing to do
    const now = ctx.store.reportBySha(sha);
    if (now) return { ...storedOutcome(ctx.store, now.id), file, status: 'unchanged' };
    return rejected(file, new Rejection('internal', `could not be stored (${(e as Error).message})`));
  }
  return { ...storedOutcome(ctx.store, saved.id), file, status: saved.replaced || known ? 'replaced' : 'ingested' };
}

/** Store a parsed report atomically, with the cross-year checks against the same body's neighbouring years. */
export function saveParsed(
  store: Store, parsed: ParsedReport, src: { file: string; sha: string; override?: TitleOverride; sourceUrl?: string },
  reparse?: ReportRow,
): { id: number; replaced?: number } {
  return store.transaction(() => {
    const body = identify(parsed, src.sha);
    const place = { placement: body.placement, stem: body.stem };
    const bodyId = store.upsertBody(body.key, body.name, parsed.orgKind, parsed.region, body.aliases, place);
    const findings: Finding[] = [...parsed.findings, ...duplicateFindings(store, bodyId, body, parsed)];
    const prev = store.activeReport(bodyId, parsed.year - 1);
    if (prev) findings.push(...auditAcrossYears({ year: prev.year, cells: store.cells(prev.id).map(toCell) }, { year: parsed.year, cells: parsed.cells }));
    const report = {
      bodyId, year: parsed.year, format: parsed.format, orgPrinted: parsed.orgPrinted ?? parsed.org, sourceFile: src.file, sha256: src.sha, pages: parsed.pages,
      published: parsed.published, cells: parsed.cells, passages: parsed.passages, findings, claims: parsed.claims, parserVersion: PARSER_VERSION,
      override: src.override, sourceUrl: src.sourceUrl,
    };
    let saved: { id: number; replaced?: number };
    if (reparse) saved = store.replaceReport(reparse, report);
    else saved = store.insertReport(report);
    store.recordSource(src.sha, src.file, 'ingested', PARSER_VERSION);
    enqueueAlerts(store, { reportId: saved.id, replaced: saved.replaced, reparsedFrom: reparse?.id }); // the outbox
    return saved;
  });
}

/** The body and year an admin gave when the file was stored, for parsing it again. */
function storedOverride(r: ReportRow | undefined): TitleOverride | undefined {
  const body = r?.override_body ?? null, year = r?.override_year ?? null;
  if (body === null && year === null) return undefined;
  return { ...(body !== null ? { body } : {}), ...(year !== null ? { year } : {}) };
}

const toCell = (c: ReturnType<Store['cells']>[number]): Cell => ({
  table: c.tbl, row: c.row_key, col: c.col_key, value: c.value, raw: c.raw, status: c.status, page: c.page ?? 0, line: c.line ?? 0, excerpt: c.excerpt ?? '',
});

function storedOutcome(store: Store, reportId: number): Omit<IngestOutcome, 'file' | 'status'> {
  const r = store.reportById(reportId)!;
  const body = store.body(r.body_id)!;
  const cells = store.cells(reportId);
  return {
    reportId,
    cells: cells.filter((c) => c.value !== null).length,
    report: reportJson({ org: r.org_printed, year: r.year, format: r.format, published: r.published, region: body.region }, cells.map(toCell)),
    findings: store.findings(reportId).map(findingJson),
  };
}

/**
 * Bring the database up to date with a folder of reports: new or changed files go in, files seen before
 * (same content) are skipped, including ones refused before for their content; files that failed for a
 * transient reason (timeout, crash, out of memory: source status 'failed') are tried again.
 */
export async function syncFolder(dir: string, ctx: IngestContext): Promise<IngestOutcome[]> {
  const out: IngestOutcome[] = [];
  // named pipes, link loops and unreadable files are left out, each with its reason
  const skipped = (s: Skipped) => {
    out.push({ file: s.path, status: 'rejected', code: 'skipped', reason: s.reason, findings: [] });
  };
  const todo: string[] = [];
  const queued = new Set<string>(); // a file found twice in the folder is read once
  for (const f of expandPaths([dir], skipped)) {
    let sha: string;
    try { sha = sha256(readFileSync(f)); } catch (e) { out.push(rejected(f, e)); continue; }
    if (queued.has(sha)) continue;
    queued.add(sha);
    const known = ctx.store.reportBySha(sha);
    const source = ctx.store.source(sha);
    if (known && known.parser_version >= PARSER_VERSION) continue;
    if (!known && source?.status === 'rejected' && source.parser_version >= PARSER_VERSION) continue;
    todo.push(f);
  }
  await ctx.store.bulk(async () => { for await (const o of inOrder(todo, (f) => ingestFile(f, ctx))) out.push(o); });
  return out;
}
