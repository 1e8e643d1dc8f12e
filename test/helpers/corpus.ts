/** A corpus file of test/corpus: JSON Lines, one example per line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const readCorpus = <T>(file: string): T[] =>
  readFileSync(join(import.meta.dirname, '..', 'corpus', file), 'utf8').split('\n')
    .filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
