/**
 * Runs `work` while sampling the extension host's event loop every 10 ms, and returns the longest
 * stall seen: how long the host (shared with every other extension) could not respond.
 */
export async function maxEventLoopDelay<T>(work: () => Promise<T>): Promise<{ result: T; maxDelayMs: number }> {
  let maxDelayMs = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxDelayMs = Math.max(maxDelayMs, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await work(), maxDelayMs: Math.round(maxDelayMs) };
  } finally {
    clearInterval(timer);
  }
}
