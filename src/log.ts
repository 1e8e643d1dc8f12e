/** Logs go to stderr as JSON lines (pino); stdout belongs to answers and --json output. */
import pino from 'pino';

export type Logger = pino.Logger;

export function makeLogger(level: string): Logger {
  return pino({ level, base: undefined }, pino.destination({ fd: 2, sync: true }));
}
