/**
 * Entries (diagnostics) that several owners (workspace folders) report per key (a file's URI),
 * where what is shown for a key is every owner's entries together. Two folders whose settings
 * point at one shared file (`../CONSTITUTION.md`) each report its problems: publishing one
 * folder's must neither hide the other's nor, when it reloads or leaves, take the other's away.
 *
 * No `vscode` here, so the bookkeeping is unit-tested under plain Node.
 */
export class OwnedEntries<T> {
  /** Owner -> key -> that owner's entries for the key (never empty lists). */
  private readonly byOwner = new Map<string, Map<string, readonly T[]>>();

  /** `identity` says when two owners report the same thing: it is shown once. */
  constructor(private readonly identity: (entry: T) => string) {}

  /**
   * Replaces everything `owner` reports and returns the keys whose combined entries may have
   * changed (the owner's old keys and new ones): the caller republishes exactly those.
   */
  replace(owner: string, entries: ReadonlyMap<string, readonly T[]>): string[] {
    const before = this.byOwner.get(owner);
    const touched = new Set<string>(before?.keys() ?? []);
    const kept = new Map<string, readonly T[]>();
    for (const [key, list] of entries) {
      touched.add(key);
      if (list.length > 0) kept.set(key, list);
    }
    if (kept.size > 0) this.byOwner.set(owner, kept);
    else this.byOwner.delete(owner);
    return [...touched];
  }

  /** Forgets `owner` (a folder that left the workspace); returns the keys to republish. */
  remove(owner: string): string[] {
    return this.replace(owner, new Map());
  }

  /** Every owner's entries for `key`, in the order the owners first reported, duplicates once. */
  merged(key: string): T[] {
    const seen = new Set<string>();
    const result: T[] = [];
    for (const entries of this.byOwner.values()) {
      for (const entry of entries.get(key) ?? []) {
        const id = this.identity(entry);
        if (seen.has(id)) continue;
        seen.add(id);
        result.push(entry);
      }
    }
    return result;
  }
}
