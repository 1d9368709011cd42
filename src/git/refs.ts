import { GitError } from './errors';
import { type GitOptions, runGitQuery } from './client';

/**
 * Checks a user-provided ref before it goes anywhere near git's argv: a leading `-` would be read
 * as an option (`--output=...`), and control characters or empty strings are never valid refs.
 * Throws GitError('unknown-ref') with a message naming the value.
 */
export function validateRef(ref: string): string {
  if (ref.length === 0) throw new GitError('unknown-ref', 'an empty git ref was given');
  if (ref.startsWith('-')) {
    throw new GitError('unknown-ref', `'${ref}' is not a valid git ref: a ref cannot start with '-'`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(ref)) {
    throw new GitError('unknown-ref', `'${JSON.stringify(ref).slice(1, -1)}' is not a valid git ref: it contains control characters`);
  }
  return ref;
}

/** The full SHA of the commit `ref` names, or undefined when it names none. */
export async function tryResolveCommit(repo: string, ref: string, options: GitOptions = {}): Promise<string | undefined> {
  validateRef(ref);
  const out = await runGitQuery(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], options);
  const sha = out?.trim();
  return sha && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}

/** The full SHA of the commit `ref` names; GitError('unknown-ref') when there is none. */
export async function resolveCommit(repo: string, ref: string, options: GitOptions = {}): Promise<string> {
  const sha = await tryResolveCommit(repo, ref, options);
  if (sha === undefined) throw new GitError('unknown-ref', `'${ref}' does not name a commit in this repository`);
  return sha;
}

/** A short form of a SHA that git itself would print (unique in this repository). */
export async function shortSha(repo: string, sha: string, options: GitOptions = {}): Promise<string> {
  validateRef(sha);
  const out = await runGitQuery(repo, ['rev-parse', '--short', '--verify', '--quiet', '--end-of-options', sha], options);
  return out?.trim() || sha.slice(0, 7);
}

/** Whether a branch name is acceptable to git (`git check-ref-format --branch`). */
export async function isValidBranchName(repo: string, name: string, options: GitOptions = {}): Promise<boolean> {
  if (name.startsWith('-') || name.length === 0) return false;
  const out = await runGitQuery(repo, ['check-ref-format', '--branch', name], options);
  return out !== undefined;
}
