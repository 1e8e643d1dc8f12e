/** Every SQL statement of nianbao, prepared once per connection. Nothing outside src/store writes SQL. */
import { BULK_CACHE_KB, CACHE_KB, isBusy, pause, type DB } from './db.js';
import { FigureReads } from './figures.js';
import { NameIndex } from './names.js';
import { RefReads } from './refs.js';
import { bodyRow, reportParams, type BodyPlace, type BodyRow, type CellRow, type FindingRow, type NewReport,
  type PassageHit, type RawBody, type ReportRow } from './rows.js';

export type { BodyPlace, BodyRow, CellRow, FindingRow, NewReport, PassageHit, ReportRef, ReportRow } from './rows.js';

/** Write transactions tried this many times when the database stays locked past busy_timeout (db.ts). */
const BUSY_ATTEMPTS = 4;
const BUSY_PAUSE_MS = 50;

export class Store {
  private readonly s;
  /** One cell's value across the active reports of a year (rankings, totals). */
  readonly figures: FigureReads;
  /** The bodies' names, by surface, pinyin key, character pair and region (names.ts). */
  readonly names: NameIndex;
  /** The active reports by body, body and year, or year (refs.ts). */
  readonly refs: RefReads;

  constructor(readonly db: DB) {
    const p = (sql: string) => db.prepare(sql);
    this.figures = new FigureReads(db);
    this.names = new NameIndex(db, (id) => this.body(id), (fn) => this.transaction(fn));
    this.refs = new RefReads(db);
    this.s = {
      bodyByKey: p('SELECT id, key, name, kind, region FROM bodies WHERE key = ?'),
      bodyInsert: p('INSERT INTO bodies (key, name, kind, region, placement, stem) VALUES (?, ?, ?, ?, ?, ?)'),
      bodyUpdate: p(`UPDATE bodies SET name = ?, region = COALESCE(?, region), placement = COALESCE(?, placement),
                     stem = COALESCE(?, stem) WHERE id = ?`),
      bodiesByStem: p('SELECT id, key, name, kind, region, placement FROM bodies WHERE stem = ? ORDER BY id'),
      aliasInsert: p('INSERT OR IGNORE INTO body_aliases (body_id, alias) VALUES (?, ?)'),
      bodies: p('SELECT id, key, name, kind, region, placement FROM bodies ORDER BY id'),
      aliases: p('SELECT body_id, alias FROM body_aliases'),
      bodyById: p('SELECT id, key, name, kind, region, placement FROM bodies WHERE id = ?'),
      aliasesOf: p('SELECT alias FROM body_aliases WHERE body_id = ?').pluck(),
      reportBySha: p('SELECT * FROM reports WHERE sha256 = ?'),
      reportById: p('SELECT * FROM reports WHERE id = ?'),
      activeReport: p('SELECT * FROM reports WHERE body_id = ? AND year = ? AND superseded_by IS NULL'),
      activeReports: p('SELECT * FROM reports WHERE superseded_by IS NULL ORDER BY body_id, year'),
      reportInsert: p(`INSERT INTO reports (body_id, year, format, org_printed, source_file, sha256, pages, published,
                         ingested_at, parser_version, override_body, override_year, source_url, superseded_by)
                       VALUES (@bodyId, @year, @format, @orgPrinted, @sourceFile, @sha256, @pages, @published,
                         @ingestedAt, @parserVersion, @overrideBody, @overrideYear, @sourceUrl, @supersededBy)`),
      repoint: p('UPDATE reports SET superseded_by = ? WHERE superseded_by = ?'),
      retireSha: p("UPDATE reports SET sha256 = sha256 || ':replaced' WHERE id = ?"),
      reportDelete: p('DELETE FROM reports WHERE id = ?'),
      supersede: p('UPDATE reports SET superseded_by = ? WHERE id = ?'),
      cellInsert: p(`INSERT INTO cells (report_id, tbl, row_key, col_key, value, raw, status, page, line, excerpt)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      cellsOf: p('SELECT * FROM cells WHERE report_id = ?'),
      cellOf: p('SELECT * FROM cells WHERE report_id = ? AND tbl = ? AND row_key = ? AND col_key = ?'),
      passageInsert: p('INSERT INTO passages (report_id, section, page, line, text) VALUES (?, ?, ?, ?, ?)'),
      passagesOf: p('SELECT report_id, section, page, line, text FROM passages WHERE report_id = ? ORDER BY id'),
      // one term at a time: the report filter outside the MATCH keeps this at ~0.05 ms a term
      passageFts: p(`SELECT id, report_id, section, page, line, text FROM passages
                     WHERE report_id = ? AND id IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ?)`),
      passageLike: p(`SELECT id, report_id, section, page, line, text FROM passages WHERE report_id = ? AND text LIKE ? ESCAPE '\\'`),
      findingInsert: p('INSERT INTO findings (report_id, rule, severity, message, excerpt, page, cells) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      findingsOf: p('SELECT * FROM findings WHERE report_id = ? ORDER BY id'),
      claimInsert: p('INSERT INTO claims (report_id, metric, value, sentence, page) VALUES (?, ?, ?, ?, ?)'),
      sourceGet: p('SELECT sha256, file, status, reason, parser_version FROM sources WHERE sha256 = ?'),
      sourcePut: p(`INSERT INTO sources (sha256, file, status, reason, seen_at, parser_version) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(sha256) DO UPDATE SET file = excluded.file, status = excluded.status, reason = excluded.reason,
                    seen_at = excluded.seen_at, parser_version = excluded.parser_version`),
      chatUpsert: p(`INSERT INTO chats (id, type, title, active, updated_at) VALUES (?, ?, ?, ?, ?)
                     ON CONFLICT(id) DO UPDATE SET type = excluded.type, title = COALESCE(excluded.title, title), active = excluded.active, updated_at = excluded.updated_at`),
      chatGet: p('SELECT id, type, title, active FROM chats WHERE id = ?'),
      chatMove: p('UPDATE chats SET id = ?, type = ?, updated_at = ? WHERE id = ?'),
      chatDelete: p('DELETE FROM chats WHERE id = ?'),
      counts: p('SELECT (SELECT COUNT(*) FROM bodies) AS bodies, (SELECT COUNT(*) FROM reports WHERE superseded_by IS NULL) AS reports'),
    };
  }

  /**
   * `fn` in one write transaction, begun IMMEDIATE: it holds the write lock from its start, so another process
   * writing at the same time makes it wait (busy_timeout), never fail halfway as a read turned write does. Still
   * busy after the wait, it is tried again a few times. Inside another transaction it is a savepoint of that one.
   */
  transaction<T>(fn: () => T): T {
    const tx = this.db.transaction(fn);
    if (this.db.inTransaction) return tx();
    for (let attempt = 1; ; attempt++) {
      try {
        return tx.immediate();
      } catch (e) {
        if (!isBusy(e) || attempt >= BUSY_ATTEMPTS) throw e;
        pause(BUSY_PAUSE_MS * attempt);
      }
    }
  }

  /**
   * `fn` (a batch of ingests) with a larger page cache: the commits of a large database touch many pages of its
   * indexes (figures, cells), and reading them again each time was half the time of a report at 50,000 reports.
   * The cache goes back to its size after, so a serving process does not keep it.
   */
  async bulk<T>(fn: () => Promise<T>): Promise<T> {
    this.db.pragma(`cache_size = -${BULK_CACHE_KB}`);
    try { return await fn(); } finally { if (this.db.open) this.db.pragma(`cache_size = -${CACHE_KB}`); }
  }

  /**
   * Insert or update a body; the fullest name seen becomes the canonical name, every spelling an alias. The
   * placement is the latest one read (its evidence is what decided the body's place).
   */
  upsertBody(
    key: string, name: string, kind: string, region: string[] | null, aliases: string[], place: BodyPlace = {},
  ): number {
    const found = this.s.bodyByKey.get(key) as { id: number; name: string } | undefined;
    const placement = place.placement ? JSON.stringify(place.placement) : null;
    let id: number;
    if (found) {
      id = found.id;
      const better = name.length > found.name.length ? name : found.name;
      this.s.bodyUpdate.run(better, region ? JSON.stringify(region) : null, placement, place.stem ?? null, id);
    } else {
      const row = [key, name, kind, region ? JSON.stringify(region) : null, placement, place.stem ?? null];
      id = Number(this.s.bodyInsert.run(...row).lastInsertRowid);
    }
    for (const a of new Set([name, ...aliases])) this.s.aliasInsert.run(id, a);
    this.names.index(this.body(id)!);
    return id;
  }

  bodies(): BodyRow[] { return this.bodyRows(this.s.bodies); }
  private bodyRows(stmt: { all(): unknown[] }): BodyRow[] {
    const aliases = new Map<number, string[]>();
    for (const a of this.s.aliases.all() as { body_id: number; alias: string }[]) {
      const list = aliases.get(a.body_id);
      if (list) list.push(a.alias); else aliases.set(a.body_id, [a.alias]);
    }
    return (stmt.all() as RawBody[]).map((b) => bodyRow(b, aliases.get(b.id) ?? []));
  }

  /** One body by id, with its aliases (an index look-up: no work proportional to the corpus). */
  body(id: number): BodyRow | undefined {
    const b = this.s.bodyById.get(id) as RawBody | undefined;
    return b && bodyRow(b, this.s.aliasesOf.all(id) as string[]);
  }

  /** Bodies that share a stem (鼓楼区|人民政府): the ones a body may be a duplicate of. Aliases are not read. */
  bodiesByStem(stem: string): BodyRow[] {
    return (this.s.bodiesByStem.all(stem) as RawBody[]).map((b) => bodyRow(b, []));
  }

  reportBySha(sha: string): ReportRow | undefined { return this.s.reportBySha.get(sha) as ReportRow | undefined; }
  reportById(id: number): ReportRow | undefined { return this.s.reportById.get(id) as ReportRow | undefined; }
  activeReport(bodyId: number, year: number): ReportRow | undefined { return this.s.activeReport.get(bodyId, year) as ReportRow | undefined; }
  activeReports(): ReportRow[] { return this.s.activeReports.all() as ReportRow[]; }

  /** Insert a report with everything it carries; the active report of the same body and year is superseded. */
  insertReport(r: NewReport): { id: number; replaced?: number } {
    const old = this.activeReport(r.bodyId, r.year);
    // the schema allows one active report per body and year: the old one points at itself until its successor exists
    if (old) this.s.supersede.run(old.id, old.id);
    const id = Number(this.s.reportInsert.run(reportParams(r)).lastInsertRowid);
    this.insertContents(id, r);
    if (old) this.s.supersede.run(id, old.id);
    return { id, replaced: old?.id };
  }

  private insertContents(id: number, r: NewReport): void {
    for (const c of r.cells) this.s.cellInsert.run(id, c.table, c.row, c.col, c.value, c.raw, c.status, c.page || null, c.line || null, c.excerpt || null);
    for (const p of r.passages) this.s.passageInsert.run(id, p.section, p.page, p.line, p.text);
    for (const f of r.findings) this.s.findingInsert.run(id, f.rule, f.severity, f.message, f.excerpt ?? null, f.page ?? null, f.cells ? JSON.stringify(f.cells) : null);
    for (const c of r.claims) this.s.claimInsert.run(id, c.metric, c.value, c.sentence, c.page);
  }

  /**
   * Parse-again of a stored file: the new report takes the old one's place, also in the chain of versions
   * (a report that was superseded stays superseded; older versions point at the new row), then the old rows go.
   */
  replaceReport(old: ReportRow, r: NewReport): { id: number } {
    this.s.retireSha.run(old.id);
    let id: number;
    if (old.superseded_by === null) id = this.insertReport(r).id;
    else {
      id = Number(this.s.reportInsert.run(reportParams(r, old.superseded_by)).lastInsertRowid);
      this.insertContents(id, r);
    }
    this.s.repoint.run(id, old.id);
    this.s.reportDelete.run(old.id);
    return { id };
  }

  cells(reportId: number): CellRow[] { return this.s.cellsOf.all(reportId) as CellRow[]; }
  /** One cell of a report (by its primary key), with the line it came from. */
  cell(reportId: number, tbl: string, row: string, col: string): CellRow | undefined {
    return this.s.cellOf.get(reportId, tbl, row, col) as CellRow | undefined;
  }
  findings(reportId: number): FindingRow[] {
    return (this.s.findingsOf.all(reportId) as (Omit<FindingRow, 'cells'> & { cells: string | null })[]).map((f) => ({ ...f, cells: f.cells ? (JSON.parse(f.cells) as string[]) : [] }));
  }
  passages(reportId: number): PassageHit[] { return this.s.passagesOf.all(reportId) as PassageHit[]; }

  /**
   * Passages of one report holding the most of the terms (longer terms weigh more): trigram FTS5 for terms of
   * three characters or more, LIKE for shorter ones. A term the index cannot take finds nothing (never an error).
   */
  searchPassages(reportId: number, terms: string[], limit = 5): PassageHit[] {
    const score = new Map<number, { hit: PassageHit; score: number }>();
    for (const t of new Set(terms.filter((x) => x.trim()))) {
      const rows = this.termHits(reportId, t);
      for (const { id, ...hit } of rows) {
        const cur = score.get(id) ?? { hit, score: 0 };
        cur.score += [...t].length;
        score.set(id, cur);
      }
    }
    return [...score.values()].sort((a, b) => b.score - a.score).slice(0, limit).map((x) => x.hit);
  }

  /** Passages of a report holding one term: FTS5 first, LIKE when the search index refuses the term. */
  private termHits(reportId: number, t: string): (PassageHit & { id: number })[] {
    const like = () => this.s.passageLike.all(reportId, `%${t.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    try {
      return ([...t].length >= 3 ? this.s.passageFts.all(reportId, `"${t.replace(/"/g, '""')}"`) : like()) as never;
    } catch {
      try { return like() as never; } catch { return []; }
    }
  }

  source(sha: string): { sha256: string; file: string; status: string; reason: string | null; parser_version: number } | undefined {
    return this.s.sourceGet.get(sha) as { sha256: string; file: string; status: string; reason: string | null; parser_version: number } | undefined;
  }
  /** 'failed': a transient failure (timeout, crash), tried again; 'rejected': refused for its content. */
  recordSource(
    sha: string, file: string, status: 'ingested' | 'rejected' | 'failed', parserVersion: number, reason?: string,
  ): void {
    this.s.sourcePut.run(sha, file, status, reason ?? null, new Date().toISOString(), parserVersion);
  }
  /** Telegram chats the bot is in: kept, marked inactive when the bot is removed or blocked. */
  saveChat(id: number, type: string, title: string | null, active: boolean): void {
    this.s.chatUpsert.run(id, type, title, active ? 1 : 0, new Date().toISOString());
  }
  chat(id: number): { id: number; type: string; title: string | null; active: number } | undefined {
    return this.s.chatGet.get(id) as { id: number; type: string; title: string | null; active: number } | undefined;
  }
  /** A group upgraded to a supergroup gets a new id: its state moves with it. */
  moveChat(from: number, to: number, type: string): void {
    this.transaction(() => {
      if (this.chat(to)) this.s.chatDelete.run(from);
      else this.s.chatMove.run(to, type, new Date().toISOString(), from);
    });
  }

  /** The SQL of one prepared statement (the scale bench prints its query plan). */
  sqlOf(name: string): string | undefined { return (this.s as Record<string, { source: string }>)[name]?.source; }

  counts(): { bodies: number; reports: number } { return this.s.counts.get() as { bodies: number; reports: number }; }
}
