import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * The current branch of the repository holding `dir`, read from `.git/HEAD` without running git:
 * the branch name, the first 7 hex digits of a detached HEAD, or undefined without a repository.
 *
 * It runs no git, unlike the rest of this folder, on purpose: checklist state is stored per
 * branch, and where git is not run (an untrusted workspace: a
 * repository's config can make git execute programs) or cannot answer yet (a repository with no
 * commit), keying state by "(no git)" hid everything recorded on the branch, and what was recorded
 * there vanished once git answered. Reading a file runs nothing, so the key stays the branch.
 */
export async function headBranch(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const head = await readHead(path.join(current, '.git'));
    if (head !== undefined) return branchOf(head);
    if (path.dirname(current) === current) return undefined;
  }
}

/** HEAD's text for a `.git` folder, or a `.git` file (`gitdir: ...`: worktrees, submodules). */
async function readHead(dotGit: string): Promise<string | undefined> {
  try {
    const info = await stat(dotGit);
    if (info.isDirectory()) return await readFile(path.join(dotGit, 'HEAD'), 'utf8');
    const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(await readFile(dotGit, 'utf8'));
    return pointer ? await readFile(path.join(path.resolve(path.dirname(dotGit), pointer[1]), 'HEAD'), 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function branchOf(head: string): string | undefined {
  const text = head.trim();
  const ref = /^ref:\s*refs\/heads\/(.+)$/.exec(text);
  if (ref) return ref[1];
  return /^[0-9a-f]{40,64}$/i.test(text) ? text.slice(0, 7) : undefined;
}
