import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { addedLines, type AddedLines } from '../../git/addedLines';
import { GitError } from '../../git/errors';
import { mergeBase } from '../../git/history';
import { openRepo } from '../../git/repo';
import { validateRef } from '../../git/refs';
import type { Finding } from '../types';

/**
 * `--since GIT-REF` (cli.md): only findings on lines added since the ref, working-tree edits and
 * untracked files included, renames followed (a moved file keeps only its edited lines).
 */

/** Lines added since `ref`, keyed by path relative to the scan root ('/'); GitError when git cannot answer. */
export async function addedLinesUnderRoot(root: string, ref: string): Promise<AddedLines> {
  validateRef(ref);
  const repo = await openRepo(root);
  if (repo.kind !== 'ok') {
    throw new GitError(repo.kind, repo.kind === 'not-installed' ? repo.message : `--since needs a git repository, and ${root} is not inside one`);
  }
  const byRepoPath = await addedLines(repo.root, await baseCommit(repo.root, ref), { includeWorkingTree: true });
  // git prints paths relative to the top level of the work tree, resolved through symlinks
  // (/tmp may be /private/tmp): compare real paths, then keep what lies under the scan root.
  const prefix = toPosix(path.relative(await realpath(repo.root), await realpath(root)));
  return rebase(byRepoPath, prefix);
}

/** `A...B`, `A...`: git diff's notation for "since the merge base of A and B (HEAD when left out)". */
const MERGE_BASE_NOTATION = /^(.+?)\.\.\.(.*)$/;
/** `A..B`: a range of commits, which names no single base. */
const RANGE_NOTATION = /^.+\.\.[^.]*$/;

/**
 * The commit to compare with: `ref` itself, or for `A...B` the merge base of A and B, as in
 * `git diff A...B`. That is what a pull request's check wants: `--since origin/main...` counts the
 * branch's own lines, not the lines main changed after the branch left it.
 */
async function baseCommit(repo: string, ref: string): Promise<string> {
  const symmetric = MERGE_BASE_NOTATION.exec(ref);
  if (symmetric) return mergeBase(repo, validateRef(symmetric[1]), validateRef(symmetric[2] || 'HEAD'));
  if (RANGE_NOTATION.test(ref)) {
    throw new GitError('unknown-ref', `'${ref}' is a range of commits, and --since takes the one to compare with: a ref, or A...B for the merge base of A and B`);
  }
  return ref;
}

/** Re-keys repository-relative paths to paths under `prefix` ('' when the root is the top level). */
export function rebase(byRepoPath: AddedLines, prefix: string): AddedLines {
  if (prefix === '') return byRepoPath;
  const result: AddedLines = new Map();
  const start = `${prefix}/`;
  for (const [repoPath, lines] of byRepoPath) {
    if (repoPath.startsWith(start)) result.set(repoPath.slice(start.length), lines);
  }
  return result;
}

/** The findings whose first line was added. */
export function onAddedLines<F extends Pick<Finding, 'path' | 'line'>>(findings: readonly F[], added: AddedLines): F[] {
  return findings.filter((finding) => added.get(finding.path)?.has(finding.line) ?? false);
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}
