/**
 * Runs `task` on each item, at most `limit` at a time (git processes, file reads), and resolves
 * when all are done. The first failure rejects, and no task starts after it.
 */
export async function forEachAtMost<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async (): Promise<void> => {
    try {
      for (let i = next++; i < items.length; i = next++) await task(items[i], i);
    } catch (error) {
      next = items.length;
      throw error;
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, run));
}
