/**
 * Runs async tasks one at a time per key (a file path) inside this process, so two operations of the app on the
 * same file never interleave their read and write. Cross-process exclusion is the file lock's job.
 */

const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task queued under `key` has settled; resolves or rejects with `task`'s result. */
export function runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => {});
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}
