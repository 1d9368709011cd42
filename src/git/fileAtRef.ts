import { GitError } from './errors';
import { type GitOptions, runGit } from './client';
import { resolveCommit } from './refs';

/**
 * The text of `path` (relative to the repository root, '/') as committed at `ref`, or undefined
 * when the file does not exist there. GitError('unknown-ref') when `ref` names no commit.
 */
export async function fileAtRef(repo: string, ref: string, path: string, options: GitOptions = {}): Promise<string | undefined> {
  const sha = await resolveCommit(repo, ref, options);
  try {
    // The ref is already a full SHA, so nothing user-provided can start this argument.
    return await runGit(repo, ['cat-file', 'blob', `${sha}:${path.replace(/^\/+/, '')}`], options);
  } catch (error) {
    if (error instanceof GitError && error.kind === 'other') return undefined;
    throw error;
  }
}
