import { type GitOptions, runGit } from './client';

/** A branch a change can be compared with: local (`main`) or remote-tracking (`origin/main`). */
export interface BranchRef {
  /** The short ref name, usable as a base (`main`, `origin/release/2.x`). */
  name: string;
  remote: boolean;
  /** Unix seconds of the branch tip's commit, for "most recently active first". */
  committed: number;
}

/**
 * Local and remote-tracking branches, most recently committed first, without the symbolic
 * `origin/HEAD` (it names another branch of the list). For asking the user which base to compare
 * with when none can be found.
 */
export async function listBranches(repo: string, options: GitOptions = {}): Promise<BranchRef[]> {
  const out = await runGit(repo, ['for-each-ref', '--sort=-committerdate', '--format=%(refname)%00%(committerdate:unix)%00%(symref)', 'refs/heads', 'refs/remotes'], options);
  const result: BranchRef[] = [];
  for (const line of out.split('\n')) {
    const [ref = '', date = '', symref = ''] = line.split('\0');
    if (ref === '' || symref !== '') continue;
    const remote = ref.startsWith('refs/remotes/');
    result.push({ name: ref.replace(/^refs\/(heads|remotes)\//, ''), remote, committed: Number(date) || 0 });
  }
  return result;
}
