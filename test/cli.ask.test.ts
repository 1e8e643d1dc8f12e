/**
 * The command line `ask` (the shared scorer's contract): one question as text or JSON, and `--jsonl`: one
 * answer line per question line, in order, with id, status, text, facts and the in-process time. Numbers
 * are read from the truth files.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANYU, truth } from './helpers/engine.js';

const db = join(mkdtempSync(join(tmpdir(), 'nianbao-ask-')), 'a.db');
const cli = (args: string[], input?: string) => spawnSync('npm', ['run', '-s', 'cli', '--', ...args], {
  encoding: 'utf8', input, timeout: 120_000, env: { ...process.env, DB_PATH: db, LOG_LEVEL: 'warn' },
});

describe('cli ask', () => {
  const t = truth(PANYU);
  it('answers one question as text and as JSON', () => {
    const text = cli(['ask', '--now', '2025-06-01', '番禺2024年收到多少申请']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(String(t.applications.new_received[6]));
    const json = cli(['ask', '--json', '--now', '2025-06-01', '番禺2024年自然人申请多少件']);
    const a = JSON.parse(json.stdout);
    expect(a.status).toBe('answered');
    expect(a.facts[0]).toMatchObject({ org: t.org, year: 2024, value: t.applications.new_received[0] });
  }, 180_000);

  it('--jsonl: one line per question, in order, follow-ups by chat, no number for what is not on file', () => {
    const lines = [
      { id: 'a', q: '番禺2024年收到多少申请', chat: 'c1' },
      { id: 'b', q: '那商业企业呢', chat: 'c1' },
      { id: 'c', q: '番禺区教育局2024年收到多少申请' },
      { id: 'd', q: '' },
    ].map((x) => JSON.stringify(x)).join('\n');
    const r = cli(['ask', '--jsonl', '--now', '2025-06-01'], `${lines}\n`);
    expect(r.status, r.stderr).toBe(0);
    const out = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(out[0].facts[0].value).toBe(t.applications.new_received[6]);
    expect(out[1].facts[0].value).toBe(t.applications.new_received[1]);
    expect(out[2].status).not.toBe('answered');
    expect(out[2].facts).toEqual([]);
    expect(out.every((o) => typeof o.ms === 'number' && typeof o.text === 'string')).toBe(true);
  }, 180_000);

  it('a bad --now is a usage error', () => {
    const r = cli(['ask', '--now', '2025/06/01', '番禺']);
    expect(r.status).toBe(2);
  }, 120_000);
});
