/** What the handler groups are built from (createBot assembles them). */
import type { App } from '../../app.js';
import type { Logger } from '../../log.js';
import type { QueryEngine } from '../../query/engine.js';
import type { Freshness } from '../freshness.js';
import type { ChatState } from '../state.js';

export interface HandlerDeps {
  app: App;
  engine: QueryEngine;
  log: Logger;
  state: ChatState;
  freshness: Freshness;
  adminIds: number[];
  token: string;
  apiRoot?: string;
  pageSize: number;
  /** Called after the bot itself stored a report (the alert sender looks at the outbox at once). */
  onIngested?: () => void;
}
