/**
 * The first index in [0, length) for which `before(i)` is false, given that it is true for a prefix
 * and false after it (a binary search over anything ordered: comments, checkpoints, line starts).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
