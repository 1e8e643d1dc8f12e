/**
 * What subscribers are told, through the fake Bot API: the deadline watch (逾期未发布) and the note when the late
 * report arrives; a new report with its key figures against the year before, findings, timeliness and a button
 * to its card; a replaced report as one correction; a body subscribed by name before its first report.
 * Figures are read from the truth files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueDeadlineWatch } from '../src/alerts/watch.js';
import { deadlineFor } from '../src/domain/bodyKinds.js';
import { alertStore } from '../src/store/alerts.js';
import { HONGZE_2023, HONGZE_2024, startAlertBot, type AlertBot } from './helpers/alertBot.js';
import { ingestVariant, PANYU, truth } from './helpers/engine.js';
import { htmlIsValid, type Call } from './helpers/fakeBotApi.js';

const user = (id: number) => ({ id, is_bot: false, first_name: `U${id}` });
const chat = (id: number) => ({ id, type: 'private', first_name: `U${id}` });
const [DISTRICT, LATE_ONLY, EVERYTHING, BY_NAME] = [7001, 7002, 7003, 7004];

let t: AlertBot;
const sentTo = (id: number, since = 0) => t.api.delivered().filter((c) => Number(c.payload.chat_id) === id && t.api.calls.indexOf(c) >= since);
const subscribe = async (id: number, arg: string) => {
  const since = t.api.calls.length;
  t.api.sendText(chat(id), user(id), `/subscribe ${arg}`);
  return t.api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === id, 8000, since);
};
const cn = (iso: string) => iso.replace(/^(\d{4})-0?(\d{1,2})-0?(\d{1,2})$/, '$1年$2月$3日');
const pct = (n: number, d: number) => `${((n / d) * 100).toFixed(2)}%`;

beforeAll(async () => {
  t = await startAlertBot();
  expect((await t.addReport(HONGZE_2023)).status).toBe('ingested');
  await subscribe(DISTRICT, '洪泽区');
  await subscribe(LATE_ONLY, '江苏省 只看逾期');
  expect(alertStore(t.app.db).counts().pending).toBe(0); // subscribed after the report: nothing to announce
});
afterAll(() => t.stop());

describe('deadline watch', () => {
  const h23 = truth('hongze-2023');
  const due = deadlineFor('government', h23.year + 1).date;

  it('after 31 March, subscribers of the region get one list of who published last year but not this year', async () => {
    const since = t.api.calls.length;
    expect(enqueueDeadlineWatch(t.app.db, new Date(`${h23.year + 2}-02-05T09:00:00+08:00`))).toBe(0); // a government's is due 31 March
    expect(enqueueDeadlineWatch(t.app.db, new Date(`${h23.year + 2}-06-20T09:00:00+08:00`))).toBe(0); // long after: not sent late
    expect(enqueueDeadlineWatch(t.app.db, new Date(`${h23.year + 2}-04-05T09:00:00+08:00`))).toBe(2);
    expect(enqueueDeadlineWatch(t.app.db, new Date(`${h23.year + 2}-04-06T09:00:00+08:00`))).toBe(0); // once
    await t.sender.drain();
    for (const id of [DISTRICT, LATE_ONLY]) {
      const [m] = sentTo(id, since);
      expect(m.payload.text).toContain('逾期未发布');
      expect(m.payload.text).toContain(`${h23.year + 1} 年度报告`);
      expect(m.payload.text).toContain(`• ${h23.org}（期限 ${cn(due)}）`);
      expect(htmlIsValid(m.payload.text)).toBe(true);
      expect(sentTo(id, since)).toHaveLength(1);
    }
  });
});

describe('a new report', () => {
  const [a, b] = [truth('hongze-2023'), truth('hongze-2024')];
  let alert: Call;
  let since = 0;

  it('says what changed against the year before, its findings and whether it was on time; the late list gets a note', async () => {
    since = t.api.calls.length;
    const out = await t.addReport(HONGZE_2024);
    expect(out.status).toBe('ingested');
    await t.sender.drain();
    const got = sentTo(DISTRICT, since);
    expect(got).toHaveLength(1);
    alert = got[0];
    const text: string = alert.payload.text;
    expect(htmlIsValid(text)).toBe(true);
    expect(text).toContain(`${b.org}</b> ${b.year} 年`);
    const [n, n0] = [b.applications.new_received[6], a.applications.new_received[6]];
    expect(text).toContain(`新收申请 ${n} 件（${a.year} 年 ${n0} 件，+${n - n0}）`);
    const [p, p0] = [b.applications.total_processed[6], a.applications.total_processed[6]];
    expect(text).toContain(`办结 ${p} 件（${a.year} 年 ${p0} 件，${p === p0 ? '持平' : `+${p - p0}`}）`);
    const rate = pct(b.applications.granted[6] + b.applications.partial[6], p);
    const rate0 = pct(a.applications.granted[6] + a.applications.partial[6], p0);
    expect(text).toContain(`公开率 ${rate}（${a.year} 年 ${rate0}，+`);
    expect(text).toContain(`行政复议 ${b.review_litigation.review[4]} 件`);
    const lit = b.review_litigation.litigation_direct[4] + b.review_litigation.litigation_after_review[4];
    expect(text).toContain(`行政诉讼 ${lit} 件`);
    const serious = t.app.store.findings(out.reportId!).filter((f) => f.severity !== 'info');
    expect(serious.length).toBeGreaterThan(0);
    expect(text).toContain(`审核发现 ${serious.length} 个问题`);
    expect(text).toContain(serious[0].message);
    expect(text).toContain('17'); // the narrative's 17 against the table's figure
    expect(text).toContain(`期限 ${cn(deadlineFor('government', b.year).date)}`);
    expect(text).toContain('此前列为逾期未发布');
    // asked only for late reports, but told this one was late: a note that it came
    const note = sentTo(LATE_ONLY, since);
    expect(note).toHaveLength(1);
    expect(note[0].payload.text).toMatch(/已收到/);
  });

  it('its button opens the report card', async () => {
    const button = alert.payload.reply_markup.inline_keyboard[0][0];
    expect(button.callback_data).toMatch(/^rc:\d+:2024$/);
    const s = t.api.calls.length;
    t.api.clickButton({ message_id: 50, chat: chat(DISTRICT), date: 0, text: 'x' }, button.callback_data, user(DISTRICT));
    const card = await t.api.waitFor((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === DISTRICT, 8000, s);
    expect(card.payload.text).toContain(`${b.org} ${b.year} 年度报告`);
    expect(card.payload.text).toContain(String(b.applications.total_processed[6]));
  });
});

describe('corrections and subscriptions by name', () => {
  const p = truth(PANYU);
  const n = p.applications.new_received[6];
  const row = `一、本年新收政府信息公开申请数量\t${p.applications.new_received.join('\t')}`;
  const changed = [...p.applications.new_received];
  changed[0] += 1;
  changed[6] += 1;

  it('a body not on file, subscribed by name, is announced when its first report arrives', async () => {
    const reply = await subscribe(BY_NAME, p.org);
    expect(reply.payload.text).toContain('库中还没有这个单位的报告');
    await subscribe(EVERYTHING, '全部');
    const since = t.api.calls.length;
    expect((await ingestVariant(t.app, PANYU, (x) => x, 'panyu.txt')).status).toBe('ingested');
    await t.sender.drain();
    for (const id of [BY_NAME, EVERYTHING]) {
      const got = sentTo(id, since);
      expect(got).toHaveLength(1);
      expect(got[0].payload.text).toContain(`新收申请 ${n} 件`);
    }
    expect(alertStore(t.app.db).subscriptions(BY_NAME).map((s) => s.key)).toEqual([`body:${t.app.store.bodies().find((x) => x.name === p.org)!.id}`]);
  });

  it('a replaced report is announced once, as a correction saying what changed', async () => {
    const since = t.api.calls.length;
    const edit = (x: string) => { expect(x).toContain(row); return x.replace(row, `一、本年新收政府信息公开申请数量\t${changed.join('\t')}`); };
    const out = await ingestVariant(t.app, PANYU, edit, 'panyu-v2.txt');
    expect(out.status).toBe('replaced');
    await t.sender.drain();
    for (const id of [BY_NAME, EVERYTHING]) {
      const got = sentTo(id, since);
      expect(got).toHaveLength(1);
      expect(got[0].payload.text).toContain('更正');
      expect(got[0].payload.text).toContain(`新收申请 ${n} 件 → ${changed[6]} 件`);
      expect(got[0].payload.text).toMatch(/另有 \d+ 个数字不同/);
      expect(htmlIsValid(got[0].payload.text)).toBe(true);
    }
    expect(sentTo(DISTRICT, since)).toHaveLength(0); // not a subscriber of that body
    // the same file again changes nothing and says nothing
    expect((await ingestVariant(t.app, PANYU, edit, 'panyu-v2-again.txt')).status).toBe('unchanged');
    expect(alertStore(t.app.db).counts().pending).toBe(0);
  });

  it('an older year loaded later is not announced (a back catalogue is no news)', async () => {
    const title = `${p.org} ${p.year} 年政府信息公开工作年度报告`;
    const older = (x: string) => { expect(x).toContain(title); return x.replace(title, `${p.org} ${p.year - 1} 年政府信息公开工作年度报告`); };
    const out = await ingestVariant(t.app, PANYU, older, 'panyu-older.txt');
    expect(out.status).toBe('ingested');
    expect(out.report?.year).toBe(p.year - 1);
    expect(alertStore(t.app.db).counts().pending).toBe(0);
  });
});
