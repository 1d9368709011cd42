/**
 * The full commit id of each workspace folder's detached HEAD, as GitInfo last computed its branch
 * key (by folder URI). Checklist state is keyed by 7 hex digits there; states a trusted window once
 * stored under git's longer short id are read as the same checkout's only when that longer key is a
 * prefix of this full id, so a branch named with hex digits (`20240115`) is never taken for one.
 */
const heads = new Map<string, string>();

/** Records where a folder's HEAD is: its full commit id when detached, undefined otherwise. */
export function noteDetachedHead(folder: string, commit: string | undefined): void {
  if (commit === undefined) heads.delete(folder);
  else heads.set(folder, commit.toLowerCase());
}

/** The full commit id of the detached HEAD that `branch` is the key of in `folder`, or undefined. */
export function detachedCommit(folder: string, branch: string): string | undefined {
  const commit = heads.get(folder);
  return commit !== undefined && /^[0-9a-f]{7}$/.test(branch) && commit.startsWith(branch) ? commit : undefined;
}
