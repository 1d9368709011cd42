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
  const sha = await resolveCommit(repo, ref, options);
  try {
    // The ref is already a full SHA, so nothing user-provided can start this argument.
    return await runGit(repo, ['cat-file', 'blob', `${sha}:${path.replace(/^\/+/, '')}`], options);
  } catch (error) {
    if (!(error instanceof GitError) || error.kind !== 'other') throw error;
    const stderr = error.detail ?? error.message;
    if (ABSENT.test(stderr)) return undefined;
    if (NOT_A_BLOB.test(stderr) && (await entryType(repo, sha, path, options)) !== 'blob') return undefined;
    throw error;
  }
}

/** The type of the tree entry at `path` in commit `sha` ('blob', 'tree', 'commit'), undefined when none. */
async function entryType(repo: string, sha: string, path: string, options: GitOptions): Promise<string | undefined> {
  const line = await runGit(repo, ['ls-tree', sha, '--', path.replace(/^\/+/, '')], options);
  // "<mode> SP <type> SP <object> TAB <path>"
  return /^\S+ (\S+) /.exec(line)?.[1];
}
