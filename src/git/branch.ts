import { GitError } from './errors';
import { type GitOptions, runGitQuery } from './client';
import { shortSha, tryResolveCommit, validateRef } from './refs';

/** The checked-out branch, or the commit a detached HEAD points at. */
export type CurrentBranch =
  | { detached: false; name: string }
  | { detached: true; sha: string; shortSha: string };

/** The SHA HEAD points at; GitError('unknown-ref') in a repository with no commit yet. */
export async function headSha(repo: string, options: GitOptions = {}): Promise<string> {
  const sha = await tryResolveCommit(repo, 'HEAD', options);
  if (sha === undefined) throw new GitError('unknown-ref', 'HEAD does not point at a commit yet (no commits on this branch)');
  return sha;
}

/**
 * The current branch name (`feature/x`), or `{ detached: true }` with HEAD's SHA. A branch with no
 * commit yet still has a name. GitError('unknown-ref') for a detached HEAD that names nothing.
 */
export async function currentBranch(repo: string, options: GitOptions = {}): Promise<CurrentBranch> {
  const name = (await runGitQuery(repo, ['symbolic-ref', '--quiet', '--short', 'HEAD'], options))?.trim();
  if (name) return { detached: false, name };
  const sha = await headSha(repo, options);
  return { detached: true, sha, shortSha: await shortSha(repo, sha, options) };
}

/** Where the base branch came from, so the UI can say "main (from .quality/config.json)". */
export type BaseBranchSource = 'configured' | 'remote-default' | 'conventional';

export interface BaseBranch {
  ref: string;
  source: BaseBranchSource;
}

/**
 * The branch a change is reviewed against: the configured one (`reviews.base`), else the remote's
 * default branch (`refs/remotes/origin/HEAD`), else `main` or `master` (local, then origin's) when
 * they exist; undefined when nothing fits (the caller asks the user). A configured base is returned
 * even when it does not resolve here, so the caller reports that ref by name instead of silently
 * reviewing against another branch; only `origin/<configured>` is tried first, as CI checkouts often
 * have no local branch of that name.
 */
export async function defaultBaseBranch(repo: string, configured?: string, options: GitOptions = {}): Promise<BaseBranch | undefined> {
  if (configured !== undefined && configured.trim() !== '') {
    const ref = validateRef(configured.trim());
    if (await tryResolveCommit(repo, ref, options)) return { ref, source: 'configured' };
    const remote = `origin/${ref}`;
    if (await tryResolveCommit(repo, remote, options)) return { ref: remote, source: 'configured' };
    return { ref, source: 'configured' };
  }
  const remoteHead = (await runGitQuery(repo, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], options))?.trim();
  if (remoteHead?.startsWith('refs/remotes/')) {
    const ref = remoteHead.slice('refs/remotes/'.length);
    if (await tryResolveCommit(repo, ref, options)) return { ref, source: 'remote-default' };
  }
  for (const candidate of ['main', 'master', 'origin/main', 'origin/master']) {
    if (await tryResolveCommit(repo, candidate, options)) return { ref: candidate, source: 'conventional' };
  }
  return undefined;
}
