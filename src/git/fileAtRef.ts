import { GitError } from './errors';
import { type GitOptions, runGit } from './client';
import { resolveCommit } from './refs';

/** git's words for "that commit has nothing at that path" (the second in older versions of git). */
const ABSENT = /does not exist in|exists on disk, but not in|Not a valid object name/;
/** "Something is at that path but it is no file": a folder, a submodule, or a file whose object is missing. */
const NOT_A_BLOB = /: bad file\b/;

/**
 * The text of `path` (relative to the repository root, '/') as committed at `ref`, or undefined
 * when no file exists there. GitError('unknown-ref') when `ref` names no commit; any other failure
 * (git could not start, ran out of file handles, a corrupt object) is thrown, never taken for a
 * missing file: a review would otherwise drop that file's findings without a word.
 */
export async function fileAtRef(repo: string, ref: string, path: string, options: GitOptions = {}): Promise<string | undefined> {
  return fileAtCommit(repo, await resolveCommit(repo, ref, options), path, options);
}

/**
 * fileAtRef for a commit already resolved to its full SHA (a review reads every changed file at
 * one commit: resolving it again for each file doubled the git processes).
 */
export async function fileAtCommit(repo: string, sha: string, path: string, options: GitOptions = {}): Promise<string | undefined> {
  const relPath = path.replace(/^\/+/, '');
  try {
    // A full SHA from resolveCommit: nothing user-provided can start this argument.
    return await runGit(repo, ['cat-file', 'blob', `${sha}:${relPath}`], options);
  } catch (error) {
    if (!(error instanceof GitError) || error.kind !== 'other') throw error;
    const stderr = error.detail ?? error.message;
    if (ABSENT.test(stderr)) return undefined;
    if (NOT_A_BLOB.test(stderr) && (await entryType(repo, sha, relPath, options)) !== 'blob') return undefined;
    throw error;
  }
}

/** The type of the tree entry at `relPath` in commit `sha` ('blob', 'tree', 'commit'), undefined when none. */
async function entryType(repo: string, sha: string, relPath: string, options: GitOptions): Promise<string | undefined> {
  const line = await runGit(repo, ['ls-tree', sha, '--', relPath], options);
  // "<mode> SP <type> SP <object> TAB <path>"
  return /^\S+ (\S+) /.exec(line)?.[1];
}
