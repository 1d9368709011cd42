import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { addedLines, type AddedLines } from '../../git/addedLines';
import { GitError } from '../../git/errors';
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
  const byRepoPath = await addedLines(repo.root, ref, { includeWorkingTree: true });
  // git prints paths relative to the top level of the work tree, resolved through symlinks
  // (/tmp may be /private/tmp): compare real paths, then keep what lies under the scan root.
  const prefix = toPosix(path.relative(await realpath(repo.root), await realpath(root)));
  return rebase(byRepoPath, prefix);
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
