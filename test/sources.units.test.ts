/** The pure parts of the report sources: link finding, the sources file, backoff, pacing, file names. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSources, SourcesFileError, sourcesEnv } from '../src/sources/config.js';
import { downloadName } from '../src/sources/download.js';
import { moveNoClobber, safeName } from '../src/sources/files.js';
import { HostPacer, type PacerClock } from '../src/sources/http.js';
import { classifyLink, findReportLinks } from '../src/sources/links.js';
import { retryDelay, shouldReport } from '../src/sources/poller.js';
import { tempDir } from './helpers/app.js';
import { FIX } from './helpers/cases.js';

const BASE = 'https://www.example.gov.cn/zwgk/ndbg/index.html';

describe('report links', () => {
  it('on the listing fixture: the report page, the PDF and the DOCX, resolved, each once', () => {
    const html = readFileSync(join(FIX, 'sources', 'listing.html'), 'utf8');
    const links = findReportLinks(html, 'https://www.gz.gov.cn/gkmlpt/zfxxgknb/index.html');
    expect(links.map((l) => [decodeURI(l.url), l.kind])).toEqual([
      ['https://www.gz.gov.cn/gkmlpt/content/7/7012/post_7012345.html', 'page'],
      ['https://www.gz.gov.cn/attachment/0/512/512345/番禺区2024年政府信息公开工作年度报告.pdf', 'file'],
      ['https://www.gz.gov.cn/gkmlpt/zfxxgknb/202501/广州市协作办公室2024年政府信息公开工作年度报告.docx', 'file'],
    ]);
    // the truncated link text is read whole from its title
    expect(links[0].text).toBe('广州市协作办公室2020年政府信息公开工作年度报告');
  });

  it.each([
    ['某某区人民政府2024年政府信息公开工作年度报告', '/art/2025/1/20/art_1229_5829.html', 'page'],
    ['2024年度政务公开工作报告', './202501/t20250120_6543210.html', 'page'],
    ['2023年年报', '/zwgk/ndbg/2023.jsp?id=7', 'page'],
    ['某某局2024年政府信息公开工作年度报告.pdf', '/u/cms/P020250121.pdf', 'file'],
    ['点击下载', '/u/cms/2024年政府信息公开工作年度报告.docx', 'file'],
    ['某某市政府信息公开工作年度报告', '/files/report.doc', 'file'],
  ])('%s → %s is a report (%s)', (text, href, kind) => {
    expect(classifyLink(text, new URL(href, BASE).href)).toBe(kind);
  });

  it.each([
    ['某某区政府信息公开指南', '/art/2024/3/1/art_1229_1000.html'],
    ['2025年政务公开工作要点', '/art/2025/4/1/art_1229_2000.html'],
    ['《2024年政府信息公开工作年度报告》解读', '/art/2025/1/21/art_1229_3000.html'],
    ['关于做好2024年政府信息公开工作年度报告编制工作的通知', '/art/2024/12/1/art_1229_4000.html'],
    ['政府信息公开年报', '/col/col1229/index.html'],
    ['2023年年报', '/col/col1230/index.html'],
    ['下一页', './index_2.html'],
    ['点击下载', '/u/cms/P020250121.pdf'],
    ['2024年政府信息公开工作年度报告', '/u/cms/report.zip'],
    ['区政府召开常务会议', '/art/2025/1/20/art_1229_5000.html'],
    ['2024年统计年报', '/art/2025/1/20/art_1229_6000.html'],
  ])('%s → %s is not', (text, href) => {
    expect(classifyLink(text, new URL(href, BASE).href)).toBeNull();
  });

  it('skips javascript:, mailto:, the page itself and links in nav/header/footer; honours <base href>', () => {
    const html = `<html><head><base href="https://files.example.gov.cn/ndbg/"></head><body>
      <header><a href="/a.pdf">2024年政府信息公开工作年度报告</a></header>
      <a href="javascript:void(0)">2024年政府信息公开工作年度报告</a>
      <a href="mailto:x@example.gov.cn">2024年年报</a>
      <a href="2024.pdf#page=2">2024年政府信息公开工作年度报告</a></body></html>`;
    expect(findReportLinks(html, BASE).map((l) => l.url)).toEqual(['https://files.example.gov.cn/ndbg/2024.pdf']);
  });
});

describe('the sources file', () => {
  it('reads {sources: […]} and a bare list; the interval defaults to 6 hours', () => {
    const one = { url: 'https://www.example.gov.cn/ndbg/', body: '某某区人民政府', intervalMinutes: 60 };
    expect(parseSources(JSON.stringify({ sources: [one] }), 's.json')).toEqual([one]);
    expect(parseSources(JSON.stringify([{ url: one.url }]), 's.json'))
      .toEqual([{ url: one.url, intervalMinutes: 360 }]);
  });

  it('names the file and each problem', () => {
    const bad = {
      sources: [
        { url: 'ftp://x.example/' }, { url: 'nope', intervalMinutes: 0 }, { url: 'https://a.example/', every: 5 },
      ],
    };
    let message = '';
    try { parseSources(JSON.stringify(bad), '/etc/nianbao/sources.json'); } catch (e) {
      expect(e).toBeInstanceOf(SourcesFileError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^\/etc\/nianbao\/sources\.json has problems:/);
    expect(message).toContain('sources.0.url must be an http or https URL');
    expect(message).toContain('sources.1.url must be a URL');
    expect(message).toContain('sources.1.intervalMinutes must be at least 1');
    expect(message).toMatch(/sources\.2 Unrecognized key.*every/);
    expect(() => parseSources('{"sources": [', 'x.json')).toThrow(/^x\.json is not valid JSON/);
    const twice = JSON.stringify([{ url: 'https://a.example/l' }, { url: 'https://a.example/l' }]);
    expect(() => parseSources(twice, 'x.json')).toThrow(/sources\.1\.url is listed twice/);
  });

  it('SOURCES_FILE, else DATA_DIR/sources.json; SOURCES_CONTACT', () => {
    expect(sourcesEnv({}, '/data')).toEqual({ sourcesFile: '/data/sources.json' });
    expect(sourcesEnv({ SOURCES_FILE: '/etc/s.json', SOURCES_CONTACT: 'ops@example.org' }, '/data'))
      .toEqual({ sourcesFile: '/etc/s.json', contact: 'ops@example.org' });
  });
});

describe('backoff and reports', () => {
  it('doubles from the base up to the limit', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelay(n, 60, 300))).toEqual([60, 120, 240, 300, 300]);
  });
  it('reports at the threshold, then at twice, four times … as many failures', () => {
    expect(Array.from({ length: 25 }, (_, i) => i + 1).filter((n) => shouldReport(n, 3))).toEqual([3, 6, 12, 24]);
  });
});

describe('the pace per host', () => {
  it('one request at a time per host, the gap after each; other hosts do not wait', async () => {
    let t = 0;
    const waits: number[] = [];
    const clock: PacerClock = { now: () => t, sleep: async (ms) => { waits.push(ms); t += ms; } };
    const pacer = new HostPacer(1000, clock);
    const log: string[] = [];
    let running = 0, most = 0;
    const job = (url: string) => pacer.run(url, async () => {
      running++;
      most = Math.max(most, running);
      log.push(`${url}@${t}`);
      await Promise.resolve();
      running--;
    });
    const urls = ['http://a.example/1', 'http://a.example/2', 'http://b.example/1', 'http://a.example/3'];
    await Promise.all(urls.map(job));
    expect(log)
      .toEqual(['http://a.example/1@0', 'http://b.example/1@0', 'http://a.example/2@1000', 'http://a.example/3@2000']);
    expect(waits).toEqual([1000, 1000]);
    expect(most).toBe(2); // one per host
  });
});

describe('file names', () => {
  it('keeps the name of the address, with the extension of the content', () => {
    const pdf = Buffer.from('%PDF-1.7\n');
    const html = Buffer.from('<!DOCTYPE html><html><body><p>x</p></body></html>');
    expect(downloadName('https://x.example/a/%E5%B9%B4%E6%8A%A5.pdf', pdf)).toBe('年报.pdf');
    expect(downloadName('https://x.example/a/download.do?id=3', pdf)).toBe('download.do.pdf');
    expect(downloadName('https://x.example/art/2025/1/20/art_1_2.html', html)).toBe('art_1_2.html');
    expect(downloadName('https://x.example/', html)).toBe('index.html');
    expect(safeName('a/b:c*?.pdf')).toBe('a_b_c__.pdf');
    expect(safeName(`${'长'.repeat(200)}.pdf`)).toHaveLength(120);
  });

  it('moves without overwriting: name, name-2, name-3 … also when only the companion is taken', () => {
    const dir = tempDir();
    const to = join(dir, 'out');
    mkdirSync(to);
    writeFileSync(join(to, 'r.pdf.reason.txt'), 'old');
    for (const n of [1, 2]) {
      writeFileSync(join(dir, 'r.pdf'), `v${n}`);
      moveNoClobber(join(dir, 'r.pdf'), to, 'r.pdf', ['.reason.txt']);
    }
    expect(readdirSync(to).sort()).toEqual(['r-2.pdf', 'r-3.pdf', 'r.pdf.reason.txt']);
    expect(readFileSync(join(to, 'r-2.pdf'), 'utf8')).toBe('v1');
    expect(readdirSync(dir)).toEqual(['out']);
  });
});
