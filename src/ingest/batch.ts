/**
 * Many files in one process: the next file is already being read in the worker while this one is stored, so the
 * worker (parsing) and the main thread (storing) work at the same time. Results come back in the files' order.
 */

/** `fn` over `items` with up to `1 + ahead` calls under way; yields the results in the items' order. */
export async function* inOrder<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, ahead = 1): AsyncGenerator<R> {
  const started: Promise<R>[] = [];
  const start = (i: number) => {
    if (i >= items.length) return;
    started[i] = fn(items[i]);
    started[i].catch(() => undefined); // a failure is thrown when its turn comes, not reported unhandled before
  };
  for (let i = 0; i <= ahead; i++) start(i);
  for (let i = 0; i < items.length; i++) {
    const result = await started[i];
    delete started[i];
    start(i + ahead + 1);
    yield result;
  }
}
