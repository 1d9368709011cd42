import { isAbsolute, resolve } from 'node:path';
import { isGitError } from './errors';
import { type GitOptions, runGit } from './client';

/** What `openRepo` found: never an exception for the ordinary "no git here" cases. */
export type OpenRepoResult =
  | { kind: 'ok'; root: string }
  | { kind: 'not-installed'; message: string }
  | { kind: 'not-a-repo'; message: string };

/** Finds the repository that contains `folder` (its top-level folder), or says why there is none. */
export async function openRepo(folder: string, options: GitOptions = {}): Promise<OpenRepoResult> {
  try {
    const out = (await runGit(folder, ['rev-parse', '--show-toplevel'], options)).trim();
    if (out === '') {
      // Inside the .git folder itself, or a bare repository: there is no work tree to review.
      return { kind: 'not-a-repo', message: `${folder} is not inside a git work tree` };
    }
    return { kind: 'ok', root: isAbsolute(out) ? out : resolve(folder, out) };
  } catch (error) {
    if (isGitError(error, 'not-installed')) return { kind: 'not-installed', message: error.message };
    if (isGitError(error, 'not-a-repo')) return { kind: 'not-a-repo', message: error.message };
    if (isGitError(error)) return { kind: 'not-a-repo', message: `${folder}: ${error.message}` };
    throw error;
  }
}

/** Whether a git executable can be run at all. */
export async function isGitInstalled(options: GitOptions = {}): Promise<boolean> {
  try {
    await runGit(process.cwd(), ['--version'], options);
    return true;
  } catch (error) {
    if (isGitError(error, 'not-installed')) return false;
    throw error;
  }
}

/** Whether the repository is a shallow clone (history cut short: merge bases may be missing). */
export async function isShallow(repo: string, options: GitOptions = {}): Promise<boolean> {
  const out = await runGit(repo, ['rev-parse', '--is-shallow-repository'], options);
  return out.trim() === 'true';
}
