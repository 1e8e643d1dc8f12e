/**
 * The bodies' names and the reports on file are read from the store by index (migration 9), not loaded at start:
 * an engine answers names, places, typing mistakes, rankings and totals without ever reading the list of every
 * body; the name index is kept in the database, built again only for bodies that changed or when its rules
 * change, and a database that cannot be written still has every name (kept in memory).
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { BodyIndex } from '../../src/query/bodies.js';
import { QueryEngine } from '../../src/query/engine.js';
import { nameRulesVersion } from '../../src/domain/bodyNames.js';
import { Store } from '../../src/store/store.js';
import { bundledEngine, NOW, PANYU, truth, WUJIANG, XZB24 } from '../helpers/engine.js';

let app: App & { dir: string };
beforeAll(async () => { ({ app } = await bundledEngine()); });
afterAll(async () => { await app.close(); });

const received = (id: string) => truth(id).applications.new_received[6];
const engineOver = (store: Store) => new QueryEngine(store, () => NOW);

describe('name index', () => {
  it('answers names, places, typing mistakes, rankings and totals without reading every body', () => {
    const store = app.store;
    const whole = { bodies: store.bodies };
    store.bodies = () => { throw new Error('the list of every body was read'); };
    try {
      const engine = engineOver(store);
      const ask = (q: string) => engine.ask(q, { now: NOW });
      expect(ask('广州市番禺区人民政府2024年收到多少申请').facts[0]?.value).toBe(received(PANYU));
      expect(ask('番禺2024年收到多少申请').facts[0]?.value).toBe(received(PANYU));
      const typo = ask('番隅2024年收到多少申请');
      expect(typo.facts[0]?.value).toBe(received(PANYU));
      expect(typo.text).toContain('番隅');
      const ranking = ask('2024年哪个单位收到的申请最多');
      const most = Math.max(...[PANYU, WUJIANG, XZB24].map(received));
      expect(ranking.facts[0]?.value).toBe(most);
      const total = ask('2024年各单位一共收到多少申请');
      expect(total.facts[0]?.value).toBe(ranking.facts.reduce((s, f) => s + f.value, 0));
      expect(ask('数据库里有哪些报告').text).toContain(truth(PANYU).org);
    } finally {
      store.bodies = whole.bodies;
    }
  });

  it('is kept in the database and written with the body: a new alias is found at once, nothing is left stale', () => {
    engineOver(app.store);
    const index = () => new BodyIndex(app.store, () => []);
    expect(index().sync()).toBe(0);
    const b = app.store.bodies().find((x) => x.name === truth(PANYU).org)!;
    app.store.transaction(() =>
      app.store.upsertBody(b.key, b.name, b.kind, b.region, ['番禺区府']));
    expect(app.store.names.stale(nameRulesVersion())).toEqual([]);
    expect(index().sync()).toBe(0);
    // a body changed behind the store's back (another program's SQL) is stale, and indexed again
    app.store.db.prepare("UPDATE bodies SET kind = kind WHERE id = ?").run(b.id);
    expect(app.store.names.stale(nameRulesVersion())).toEqual([b.id]);
    expect(index().sync()).toBe(1);
    expect(engineOver(app.store).ask('番禺区府2024年收到多少申请', { now: NOW }).facts[0]?.value).toBe(received(PANYU));
  });

  it('indexes every body again when its rules are not the current ones', () => {
    const bodies = app.store.counts().bodies;
    app.store.db.prepare("UPDATE body_names_state SET rules = 'older rules'").run();
    expect(new BodyIndex(app.store, () => []).sync()).toBe(bodies);
    expect(new BodyIndex(app.store, () => []).sync()).toBe(0);
  });

  it('a database that cannot be written keeps the names and regions of unindexed bodies in memory', () => {
    const file = app.store.db.name;
    const writable = engineOver(app.store);
    const regionQ = '广州市2024年各单位一共收到多少申请';
    const regionTotal = writable.ask(regionQ, { now: NOW }).facts[0]?.value;
    expect(regionTotal).toBeGreaterThan(received(PANYU));
    app.store.db.prepare('DELETE FROM body_names').run();
    app.store.db.prepare('DELETE FROM body_names_state').run(); // as a database from before the name index
    app.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const db = new Database(file, { readonly: true });
    try {
      const engine = engineOver(new Store(db));
      expect(engine.ask('广州市番禺区人民政府2024年收到多少申请', { now: NOW }).facts[0]?.value).toBe(received(PANYU));
      expect(engine.ask('番禺2024年收到多少申请', { now: NOW }).facts[0]?.value).toBe(received(PANYU));
      // its region: the bodies known only in memory are in the region's total
      expect(engine.ask(regionQ, { now: NOW }).facts[0]?.value).toBe(regionTotal);
    } finally {
      db.close();
    }
    expect(new BodyIndex(app.store, () => []).sync()).toBe(app.store.counts().bodies);
  });
});
