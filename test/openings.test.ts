/**
 * The shared tool that completes real report openings with a seed's tables and ingests them through the CLI:
 * body and year must be right on at least 97 % of them (issue: every real body).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const TOOL = '../shared/tools/check-openings.mjs';

describe('real report openings (../shared/fixtures/real-openings)', () => {
  it('body and year are right on at least 97 % of them', () => {
    expect(existsSync(TOOL), `${TOOL} must be beside the project`).toBe(true);
    const r = spawnSync(process.execPath, [TOOL, '--min', '97'], { encoding: 'utf8', timeout: 300_000 });
    const m = /body and year right (\d+)\/(\d+) \(([\d.]+)%\)/.exec(r.stdout);
    expect(m, r.stdout + r.stderr).not.toBeNull();
    expect(Number(m![3]), r.stdout).toBeGreaterThanOrEqual(97);
    expect(r.status, r.stdout).toBe(0);
  }, 300_000);
});
