/**
 * Which lines of a text are new compared with an earlier version of it, for "only my changes" on a
 * document the user has not saved yet (git only knows the file on disk). Myers' O((N+M)D) diff
 * after trimming the common start and end, so typing a few lines into a large file costs a few
 * passes over the lines that differ, not a table of every line against every other.
 */

/**
 * Past this many inserted plus removed lines the alignment is not searched for: every line between
 * the common start and end counts as added. Typing never gets near it; pasting a rewritten file
 * does, and then "all of it is mine" is the honest answer anyway. It bounds the work (and the
 * memory of the trace, about limit² numbers) done on the editor's thread.
 */
export const DEFAULT_MAX_EDITS = 1_000;

/**
 * A text's lines as git compares them: a line ending `\r\n` equals one ending `\n` (a checkout
 * with autocrlf), and a last line without its newline differs from the same line with one.
 */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((line, index, all) => (index < all.length - 1 ? `${line.replace(/\r$/, '')}\n` : line));
  // A text ending with a newline leaves an empty last piece: no line there.
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The 1-based numbers of the lines of `after` that a shortest edit script from `before` inserts:
 * exactly `after.length - LCS(before, after)` of them while the edits stay within `maxEdits`,
 * every line that differs in the middle beyond it (never fewer than the shortest script).
 */
export function addedLineNumbers(before: readonly string[], after: readonly string[], maxEdits = DEFAULT_MAX_EDITS): Set<number> {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  const added = new Set<number>();
  const a = before.slice(start, endBefore);
  const b = after.slice(start, endAfter);
  const inserted = shortestInsertions(a, b, maxEdits) ?? b.map((_, index) => index);
  for (const index of inserted) added.add(start + index + 1);
  return added;
}

/**
 * Myers' greedy forward search, keeping each round's furthest reaching x per diagonal so the path
 * can be walked back. Returns the 0-based indexes of `b` that are inserted, or undefined when the
 * shortest script needs more than `maxEdits` edits.
 */
function shortestInsertions(a: readonly string[], b: readonly string[], maxEdits: number): number[] | undefined {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((_, index) => index);
  if (m === 0) return [];
  const limit = Math.min(n + m, Math.max(0, maxEdits));
  const offset = limit + 1;
  // v[offset + k]: the furthest x reached on diagonal k (y = x - k).
  const v = new Int32Array(2 * limit + 3);
  // trace[d]: v for diagonals -d..d after round d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return walkBack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return undefined;
}

/** Follows the recorded rounds from (n, m) back to (0, 0), noting each step down (an insertion). */
function walkBack(trace: readonly Int32Array[], n: number, m: number): number[] {
  const inserted: number[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1];
    // previous covers diagonals -(d-1)..(d-1): diagonal k sits at index k + d - 1.
    const at = (k: number): number => previous[k + d - 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    if (down) inserted.push(previousY);
    x = previousX;
    y = previousY;
  }
  return inserted.reverse();
}
