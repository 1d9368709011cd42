/**
 * Characters of paths on one git command line: Windows allows 32,767 for the whole command line
 * (quoting can add some), Linux far more; chunks keep any number of paths within both.
 */
export const PATHSPEC_ARGV_CHARS = 16_000;

/**
 * Git's global option that lets the magic of `topLiteral` work even when the environment asks for
 * literal pathspecs (GIT_LITERAL_PATHSPECS), which would turn `:(top,literal)` into a file name.
 */
export const MAGIC_PATHSPECS = '--no-literal-pathspecs';

/**
 * A pathspec for `path` (relative to the repository's top, '/') that git takes as that file
 * whatever folder it runs in: git reads plain pathspecs relative to its current folder, so a path
 * from `--no-relative` output given back from a subfolder would name nothing. `literal` keeps `*`,
 * `?` and `[` in names from being read as wildcards (what --literal-pathspecs did, which turns all
 * magic off, `top` included).
 */
export function topLiteral(path: string): string {
  return `:(top,literal)${path}`;
}

/** `paths` as `topLiteral` pathspecs, in groups that each fit on one command line. */
export function pathspecChunks(paths: readonly string[], max = PATHSPEC_ARGV_CHARS): string[][] {
  return byLength(paths.map(topLiteral), (spec) => spec.length + 3, max);
}

/** Consecutive groups of `items` whose weights add up to at most `max` (an item heavier than `max` goes alone). */
export function byLength<T>(items: readonly T[], weight: (item: T) => number, max: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    if (current.length > 0 && total + w > max) {
      groups.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += w;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
