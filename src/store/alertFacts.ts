/** What an alert says about a report, read straight from the store: its head, cells, findings and neighbours. */
import type { DB } from './db.js';

export interface ReportHead {
  id: number; body_id: number; year: number; published: string | null; superseded_by: number | null;
  name: string; kind: string; region: string[] | null;
}
export interface FactCell { tbl: string; row_key: string; col_key: string; value: number | null; status: string }
export interface FactFinding { severity: string; rule: string; message: string }
export interface BodyNames { id: number; name: string; kind: string; region: string[] | null; aliases: string[] }
export interface OverdueBody { id: number; name: string; kind: string; region: string[] | null }

const region = (r: string | null) => (r ? (JSON.parse(r) as string[]) : null);

export class AlertFacts {
  private readonly s;

  constructor(db: DB) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      head: p(`SELECT r.id, r.body_id, r.year, r.published, r.superseded_by, b.name, b.kind, b.region
               FROM reports r JOIN bodies b ON b.id = r.body_id WHERE r.id = ?`),
      active: p('SELECT id FROM reports WHERE body_id = ? AND year = ? AND superseded_by IS NULL'),
      later: p('SELECT 1 FROM reports WHERE body_id = ? AND year > ? AND superseded_by IS NULL LIMIT 1'),
      cells: p('SELECT tbl, row_key, col_key, value, status FROM cells WHERE report_id = ?'),
      findings: p(`SELECT severity, rule, message FROM findings WHERE report_id = ?
                   ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, id`),
      body: p('SELECT id, name, kind, region FROM bodies WHERE id = ?'),
      aliases: p('SELECT alias FROM body_aliases WHERE body_id = ?'),
      // bodies with a report for the year before and none for this year
      overdue: p(`SELECT b.id, b.name, b.kind, b.region FROM bodies b
                  WHERE EXISTS (SELECT 1 FROM reports r
                                WHERE r.body_id = b.id AND r.year = ? AND r.superseded_by IS NULL)
                    AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.body_id = b.id AND r.year = ?)
                  ORDER BY b.name`),
    };
  }

  head(reportId: number): ReportHead | undefined {
    const r = this.s.head.get(reportId) as (Omit<ReportHead, 'region'> & { region: string | null }) | undefined;
    return r ? { ...r, region: region(r.region) } : undefined;
  }
  activeReport(bodyId: number, year: number): number | undefined {
    return (this.s.active.get(bodyId, year) as { id: number } | undefined)?.id;
  }
  hasLaterYear(bodyId: number, year: number): boolean { return this.s.later.get(bodyId, year) !== undefined; }
  cells(reportId: number): FactCell[] { return this.s.cells.all(reportId) as FactCell[]; }
  findings(reportId: number): FactFinding[] { return this.s.findings.all(reportId) as FactFinding[]; }
  body(bodyId: number): BodyNames | undefined {
    type Raw = Omit<BodyNames, 'region' | 'aliases'> & { region: string | null };
    const b = this.s.body.get(bodyId) as Raw | undefined;
    if (!b) return undefined;
    const aliases = (this.s.aliases.all(bodyId) as { alias: string }[]).map((a) => a.alias);
    return { ...b, region: region(b.region), aliases };
  }
  /** Bodies that published for `year - 1` and have nothing for `year` yet. */
  overdue(year: number): OverdueBody[] {
    return (this.s.overdue.all(year - 1, year) as (Omit<OverdueBody, 'region'> & { region: string | null })[])
      .map((b) => ({ ...b, region: region(b.region) }));
  }
}

const facts = new WeakMap<DB, AlertFacts>();
export function alertFacts(db: DB): AlertFacts {
  let f = facts.get(db);
  if (!f) { f = new AlertFacts(db); facts.set(db, f); }
  return f;
}
