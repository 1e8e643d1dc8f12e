/** The fake Bot API in its own process for bench/alerts.ts: says its address, then counts deliveries on request. */
import { FakeBotApi } from '../test/helpers/fakeBotApi.js';

const api = await new FakeBotApi().start();
process.send!({ apiRoot: api.apiRoot, token: api.token });
process.on('message', (m: { count?: boolean; stop?: boolean }) => {
  if (m.stop) { void api.stop().then(() => process.exit(0)); return; }
  const delivered = api.delivered();
  process.send!({ delivered: delivered.length, unique: new Set(delivered.map((c) => Number(c.payload.chat_id))).size });
});
