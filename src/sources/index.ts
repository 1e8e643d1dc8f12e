/**
 * Where new reports come from besides the CLI and uploads: the inbox folder and the polled web sources. Both
 * end in the same ingestFile (and so in the same alerts). A missing sources file means no polling; a bad one is
 * logged with its problems and the poller stays off, the rest keeps serving.
 *
 *   const sources = startSources(app, { onSourceFailing: (s, err, n) => tellAdmins(…) });
 *   …
 *   await sources.close(); // before app.close()
 */
import type { App } from '../app.js';
import { loadSources, sourcesEnv, SourcesFileError, type SourceConfig } from './config.js';
import { startInbox, type InboxHandle, type InboxOptions } from './inbox.js';
import { startPoller, type PollerHandle, type PollerOptions } from './poller.js';

export type { SourceConfig } from './config.js';
export type { InboxHandle, InboxOptions, InboxOutcome } from './inbox.js';
export type { PollerHandle, PollerOptions, PollResult } from './poller.js';

export interface SourcesOptions {
  /** false: no inbox. */
  inbox?: InboxOptions | false;
  /** false: no poller. `sources` given here replace the sources file. */
  poller?: (Omit<PollerOptions, 'sources'> & { sources?: SourceConfig[] }) | false;
  /** SOURCES_FILE and SOURCES_CONTACT are read from here (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** A source failed `count` times in a row (at the threshold, then 2×, 4× …): tell the admins. */
  onSourceFailing?: PollerOptions['onSourceFailing'];
  onSourceRecovered?: PollerOptions['onSourceRecovered'];
}

export interface SourcesHandle {
  inbox: InboxHandle | null;
  poller: PollerHandle | null;
  /** The inbox's first scan is done. */
  ready: Promise<void>;
  close(): Promise<void>;
}

function pollerSources(app: App, env: NodeJS.ProcessEnv): { sources: SourceConfig[]; contact?: string } | null {
  const { sourcesFile, contact } = sourcesEnv(env, app.config.dataDir);
  try {
    const sources = loadSources(sourcesFile);
    if (!sources) {
      app.log.info({ file: sourcesFile }, 'no sources file: web sources are not polled');
      return null;
    }
    return { sources, contact };
  } catch (e) {
    if (!(e instanceof SourcesFileError)) throw e;
    app.log.error({ file: sourcesFile }, `web sources are not polled: ${e.message}`);
    return null;
  }
}

export function startSources(app: App, opts: SourcesOptions = {}): SourcesHandle {
  let inbox: InboxHandle | null = null;
  try {
    if (opts.inbox !== false) inbox = startInbox(app, opts.inbox ?? {});
  } catch (e) {
    // an inbox folder that cannot be made (permissions …) leaves the rest running
    app.log.error({ err: e }, `the inbox folder is not watched: ${(e as Error).message}`);
  }
  let poller: PollerHandle | null = null;
  if (opts.poller !== false) {
    const given = opts.poller?.sources;
    const fromFile = given ? null : pollerSources(app, opts.env ?? process.env);
    const sources = given ?? fromFile?.sources;
    if (sources) {
      poller = startPoller(app, {
        contact: fromFile?.contact, onSourceFailing: opts.onSourceFailing, onSourceRecovered: opts.onSourceRecovered,
        ...(opts.poller || {}), sources,
      });
    }
  }
  return {
    inbox,
    poller,
    ready: inbox?.ready ?? Promise.resolve(),
    async close() {
      await Promise.all([inbox?.close(), poller?.close()]);
    },
  };
}
