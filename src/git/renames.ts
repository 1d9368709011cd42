import { type GitOptions, runGit } from './client';

/**
 * git's similarity threshold for the second look at unpaired files. git scores a rename by the
 * bytes the two files share over the larger one, so a one-line file that grows by a longer line
 * falls under its default 50% (`x = 1` plus a 29-character comment: 17%) and shows as a deletion
 * and an addition. 10% lets a file grow to ten times its size.
 */
export const SMALL_RENAME_THRESHOLD = '10%';
/** Characters of paths on the second look's command line (see ARGV_CHARS in filesAtCommit). */
const ARGV_CHARS = 16_000;

export interface RenamePair {
  from: string;
  to: string;
  /** Lines added by the rename (none are removed: see missedRenames). */
  added: number;
}

/**
 * Renames git's default threshold missed among `deleted` and `added` paths (relative to the root,
 * '/'): git is asked again about those paths alone with a lower threshold, and a pair is kept only
 * when the old file survives whole in the new one (nothing removed, lines only added), which is
 * what its missed renames look like: a small file that grew. A lower threshold alone would pair
 * unrelated files that share a few lines. Empty when there is nothing to pair or too many paths
 * for one command line.
 */
export async function missedRenames(
  repo: string,
  revs: readonly string[],
  deleted: readonly string[],
  added: readonly string[],
  options: GitOptions = {},
): Promise<RenamePair[]> {
  if (deleted.length === 0 || added.length === 0) return [];
  const paths = [...deleted, ...added];
  if (paths.reduce((sum, p) => sum + p.length + 3, 0) > ARGV_CHARS) return [];
  const out = await runGit(
    repo,
    // Only renames (no -C): a copy keeps its source, so nothing was missed there.
    ['--literal-pathspecs', 'diff', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative', '--raw', '--numstat', '-z',
      `--find-renames=${SMALL_RENAME_THRESHOLD}`, ...revs, '--', ...paths],
    options,
  );
  return parseRenames(out).filter((pair) => pair.removed === 0 && pair.added > 0).map(({ from, to, added }) => ({ from, to, added }));
}

/** The renames of `--raw --numstat -z` output, with their numstat counts (-1 for binary). */
function parseRenames(out: string): Array<RenamePair & { removed: number }> {
  const tokens = out.split('\0');
  const pairs = new Map<string, RenamePair & { removed: number }>();
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i++] ?? '';
    if (token.startsWith(':')) {
      const status = token.trim().split(' ')[4] ?? '';
      if (status.startsWith('R')) {
        const from = tokens[i++] ?? '';
        const to = tokens[i++] ?? '';
        pairs.set(`${from}\0${to}`, { from, to, added: -1, removed: -1 });
      } else {
        i++;
      }
      continue;
    }
    const match = /^(-|\d+)\t(-|\d+)\t$/.exec(token.replace(/^\n/, ''));
    if (!match) continue;
    // A rename's numstat record: "added\tremoved\t\0old\0new\0".
    const from = tokens[i++] ?? '';
    const to = tokens[i++] ?? '';
    const pair = pairs.get(`${from}\0${to}`);
    if (pair && match[1] !== '-') {
      pair.added = Number(match[1]);
      pair.removed = Number(match[2]);
    }
  }
  return [...pairs.values()];
}
