/**
 * A process that opens a database at a given moment (argv: path, epoch ms) and prints "ok" or the error, so
 * that several started apart open it at once.
 */
import { openDb } from '../../src/store/db.js';

const [path, at] = [process.argv[2], Number(process.argv[3])];
while (Date.now() < at) { /* wait for the moment: the processes start apart */ }
try {
  const db = openDb(path);
  db.prepare('SELECT count(*) FROM schema_migrations').get();
  db.close();
  process.stdout.write('ok\n');
} catch (e) {
  process.stdout.write(`${(e as Error).message}\n`);
}
