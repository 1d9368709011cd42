import { posix } from 'node:path';
import { type GitOptions, runGit } from './client';
import { readBlobs } from './filesAtCommit';
import { MAGIC_PATHSPECS, PATHSPEC_ARGV_CHARS, topLiteral } from './pathspec';

/**
 * git's similarity threshold for the second look at unpaired files. git scores a rename by the
 * bytes the two files share over the larger one, so a one-line file that grows by a longer line
 * falls under its default 50% (`x = 1` plus a 29-character comment: 17%) and shows as a deletion
 * and an addition. 10% lets a file grow to ten times its size.
 */
export const SMALL_RENAME_THRESHOLD = '10%';

export interface RenamePair {
  from: string;
  to: string;
  /** Lines added by the rename (none are removed: see missedRenames). */
  added: number;
}

/**
 * Renames git's default threshold missed among `deleted` and `added` paths (relative to the
 * repository's top, '/'; any folder of the repository may be `repo`). git is asked again about
 * those paths alone with a lower threshold, and a pair is kept only when all of this holds:
 * - the old file survives whole in the new one (nothing removed, lines only added), which is what
 *   its missed renames look like: a small file that grew;
 * - the two paths keep the file's name (a move) or its folder (a rename in place): a new file in
 *   another folder under another name that starts with the old file's line is far more often new
 *   code than the old file moved;
 * - the old file has a line of its own (see isBoilerplate): a one-line `'use strict';`, licence
 *   header or import is at the top of many files, so a new file starting with it says nothing.
 * Missing a rename costs little (its old lines count as added, as git itself has it), inventing
 * one hides a deletion from the review and calls new lines old, so every doubt leaves files apart.
 * Empty when there is nothing to pair or too many paths for one command line.
 */
export async function missedRenames(
  repo: string,
  revs: readonly string[],
  deleted: readonly string[],
  added: readonly string[],
  options: GitOptions = {},
): Promise<RenamePair[]> {
  const from = deleted.filter((d) => added.some((a) => related(d, a)));
  const to = added.filter((a) => from.some((d) => related(d, a)));
  if (from.length === 0 || to.length === 0) return [];
  const specs = [...from, ...to].map(topLiteral);
  if (specs.reduce((sum, p) => sum + p.length + 3, 0) > PATHSPEC_ARGV_CHARS) return [];
  const out = await runGit(
    repo,
    // Only renames (no -C): a copy keeps its source, so nothing was missed there.
    [MAGIC_PATHSPECS, 'diff', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative', '--raw', '--no-abbrev', '--numstat', '-z',
      `--find-renames=${SMALL_RENAME_THRESHOLD}`, ...revs, '--', ...specs],
    options,
  );
  const grown = parseRenames(out).filter((pair) => pair.removed === 0 && pair.added > 0 && related(pair.from, pair.to));
  if (grown.length === 0) return [];
  let oldTexts: Buffer[];
  try {
    oldTexts = await readBlobs(repo, grown.map((pair) => pair.oldObject), options);
  } catch {
    // The old files could not be read to be judged: leave them apart (see above).
    return [];
  }
  return grown
    .filter((_pair, i) => hasOwnLine(oldTexts[i]?.toString('utf8') ?? ''))
    .map(({ from: oldPath, to: newPath, added: count }) => ({ from: oldPath, to: newPath, added: count }));
}

/** A move (same file name) or a rename in place (same folder). */
function related(from: string, to: string): boolean {
  return posix.basename(from) === posix.basename(to) || posix.dirname(from) === posix.dirname(to);
}

function hasOwnLine(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => !isBoilerplate(line.trim()));
}

/**
 * A line found at the top of many unrelated files: blank or punctuation only (`}`, `*\/`), a
 * shebang, a directive (`'use strict';`, `"use client"`), a licence or copyright line, an
 * encoding or tool pragma, or an import, include, package or namespace line.
 */
export function isBoilerplate(line: string): boolean {
  return BOILERPLATE.some((pattern) => pattern.test(line));
}

const BOILERPLATE: readonly RegExp[] = [
  /^[^\p{L}\p{N}]*$/u,
  /^#!/,
  /^['"`]use [\w ]+['"`];?$/,
  /\b(?:copyright|licen[cs]ed?|spdx-license-identifier|all rights reserved)\b|©/i,
  /-\*-.*-\*-|@ts-(?:check|nocheck)\b|@flow\b|^<\?(?:php|xml)\b|^(?:\/\/|#|--|\/\*)\s*(?:eslint|prettier|pylint|noqa|type:|mypy|fmt:)/i,
  /^(?:import|from\s+\S+\s+import|package|namespace|using|#\s*include|#\s*pragma\s+once|require|use|extern crate|@import)\b/,
  /^(?:const|let|var)\s+[\w{}\s,]+=\s*require\(/,
];

/** The renames of `--raw --numstat -z` output, with their numstat counts (-1 for binary). */
function parseRenames(out: string): Array<RenamePair & { removed: number; oldObject: string }> {
  const tokens = out.split('\0');
  const pairs = new Map<string, RenamePair & { removed: number; oldObject: string }>();
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i++] ?? '';
    if (token.startsWith(':')) {
      // ":<old mode> <new mode> <old object> <new object> <status>"
      const fields = token.trim().split(' ');
      const status = fields[4] ?? '';
      if (status.startsWith('R')) {
        const from = tokens[i++] ?? '';
        const to = tokens[i++] ?? '';
        pairs.set(`${from}\0${to}`, { from, to, added: -1, removed: -1, oldObject: fields[2] ?? '' });
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
