/**
 * The extraction worker and the readers it loads: PDF code is loaded for PDFs only (and leaves the thread's
 * built-ins as they were); the worker is stopped when idle and started again by the next file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../src/ingest/extract/index.js';
import { ExtractRunner } from '../src/ingest/runner.js';
import { FIX } from './helpers/cases.js';

const TEXT = readFileSync(join(FIX, 'seeds', '003_d769e78216216ff0.txt'));
const PDF = readFileSync(join(FIX, 'generated', 'wujiang-2024.pdf'));
const pdfLoaded = () => 'pdfjsLib' in globalThis; // pdf.js's legacy build names itself on the global object
const native = (f: unknown) => String(f).includes('[native code]');

describe('readers are loaded when a file of their kind comes', () => {
  it('a text report is read without loading pdf.js; a PDF loads it and leaves push and JSON.parse native', async () => {
    expect(pdfLoaded()).toBe(false); // each test file runs in a process of its own
    const text = await extractFile(TEXT, { maxPages: 10 });
    expect(text.kind).toBe('text');
    expect(pdfLoaded()).toBe(false);
    const pdf = await extractFile(PDF, { maxPages: 10 });
    expect(pdf.kind).toBe('pdf');
    expect(pdf.lines.some((l) => l.grid)).toBe(true);
    expect(pdfLoaded()).toBe(true);
    // pdf.js's core-js replaces both for the whole thread with slower script versions: they are put back
    expect(native(Array.prototype.push)).toBe(true);
    expect(native(JSON.parse)).toBe(true);
  });
});

describe('the extraction worker', () => {
  it('is stopped after idleMs without work, and the next file starts it again', async () => {
    const runner = new ExtractRunner({ timeoutMs: 60_000, maxPages: 100, idleMs: 300 });
    try {
      expect(runner.active).toBe(false);
      const first = runner.run(TEXT, 'a.txt');
      const second = runner.run(PDF, 'b.pdf'); // queued behind the first: no idle stop in between
      expect((await first).year).toBe(2024);
      expect(runner.active).toBe(true);
      expect((await second).org).toMatch(/武江区/);
      const t0 = Date.now();
      while (runner.active && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 50));
      expect(runner.active).toBe(false);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(200); // not before idleMs
      const again = await runner.run(TEXT, 'c.txt');
      expect(again.org).toBe('韶关市武江区人民政府办公室');
    } finally {
      await runner.close();
    }
    expect(runner.active).toBe(false);
  }, 60_000);
});
