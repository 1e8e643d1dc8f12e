/**
 * Migration 9: the name index of the bodies, and covering indexes for what the answers read by range: the active
 * reports of a year with their refs (refs.ts), a report's body and a body's name (a ranking's thousands of rows).
 * With the name index a question's names are looked up by index instead of in a dictionary of every body held in
 * memory (60 MB and a second of start-up at 50,000 reports):
 *   body_names   surface → body (place_only: the surface names the body's place, as 番禺 names 番禺区人民政府)
 *   body_typos   pinyin key → surface (typing mistakes of a pinyin keyboard)
 *   body_grams   character pair → body (near names, typed with small differences)
 *   body_names_state  per body: the surface rules it was indexed by, its region path as a prefix key and
 *                     its longest surface
 * The surfaces are computed by the rules of src/domain/bodyNames.ts when the store writes a body; the rules can
 * change, and a body whose state is not of the current rules is indexed again. Triggers mark a body stale when
 * its record or its aliases change, whatever path writes them.
 */
export const NAMES_MIGRATION = {
  version: 9,
  name: 'name index of the bodies (surfaces, pinyin keys, character pairs, region paths)',
  sql: `
    CREATE TABLE body_names (
      surface TEXT NOT NULL,
      body_id INTEGER NOT NULL,
      place_only INTEGER NOT NULL,
      PRIMARY KEY (surface, body_id, place_only)
    ) WITHOUT ROWID;
    CREATE INDEX body_names_body ON body_names(body_id);
    CREATE TABLE body_typos (
      pinyin TEXT NOT NULL,
      surface TEXT NOT NULL,
      body_id INTEGER NOT NULL,
      PRIMARY KEY (pinyin, surface, body_id)
    ) WITHOUT ROWID;
    CREATE INDEX body_typos_body ON body_typos(body_id);
    CREATE TABLE body_grams (
      gram TEXT NOT NULL,
      body_id INTEGER NOT NULL,
      PRIMARY KEY (gram, body_id)
    ) WITHOUT ROWID;
    CREATE INDEX body_grams_body ON body_grams(body_id);
    CREATE TABLE body_names_state (
      body_id INTEGER PRIMARY KEY REFERENCES bodies(id),
      rules TEXT NOT NULL,
      region_key TEXT NOT NULL,
      longest INTEGER NOT NULL DEFAULT 0    -- the body's longest surface (how far a question is looked up)
    );
    CREATE INDEX body_names_rules ON body_names_state(rules);
    CREATE INDEX body_names_longest ON body_names_state(longest);
    CREATE INDEX body_names_region ON body_names_state(region_key);
    CREATE INDEX reports_year_refs ON reports(year, superseded_by, body_id, id, format, source_file, published);
    CREATE INDEX reports_id_body ON reports(id, body_id);
    CREATE INDEX bodies_id_name ON bodies(id, name);
    CREATE TRIGGER body_names_stale_body AFTER UPDATE ON bodies BEGIN
      UPDATE body_names_state SET rules = '' WHERE body_id = NEW.id;
    END;
    CREATE TRIGGER body_names_stale_alias AFTER INSERT ON body_aliases BEGIN
      UPDATE body_names_state SET rules = '' WHERE body_id = NEW.body_id;
    END;
    CREATE TRIGGER body_names_gone BEFORE DELETE ON bodies BEGIN
      DELETE FROM body_names WHERE body_id = OLD.id;
      DELETE FROM body_typos WHERE body_id = OLD.id;
      DELETE FROM body_grams WHERE body_id = OLD.id;
      DELETE FROM body_names_state WHERE body_id = OLD.id;
    END;
  `,
};
