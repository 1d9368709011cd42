import * as path from 'node:path';
import { globMatcher } from '../../core/glob';
import { IgnoreRules } from '../../core/scan/ignoreRules';

/**
 * Decides, for a path the file watcher reported, what the full scan's walk would have decided:
 * skip it when it (or a folder above it) is matched by a `.gitignore`/`.ignore` on the way down or
 * by the config's `exclude`. The walk itself yields a path named explicitly even when ignored
 * (the CLI user asked for it), which is right for the CLI and wrong for a watcher event.
 */
export class ScanFilter {
  private readonly rulesByDir = new Map<string, Promise<IgnoreRules>>();

  private constructor(
    private readonly root: string,
    private readonly excluded: (relPath: string) => boolean,
  ) {}

  static async create(root: string, exclude: readonly string[]): Promise<ScanFilter> {
    const matcher = exclude.length > 0 ? globMatcher(exclude) : () => false;
    const filter = new ScanFilter(root, matcher);
    await filter.rulesFor('');
    return filter;
  }

  async includes(relPath: string): Promise<boolean> {
    const segments = relPath.split('/').filter((segment) => segment !== '');
    if (segments.length === 0 || segments.includes('.git')) return false;
    for (let depth = 1; depth <= segments.length; depth++) {
      const rel = segments.slice(0, depth).join('/');
      const parent = segments.slice(0, depth - 1).join('/');
      const rules = await this.rulesFor(parent);
      const last = depth === segments.length;
      // Folders are tested the way the walk tests them: with a trailing '/'; the last segment may be either.
      if (rules.ignores(`${rel}/`) || this.excluded(rel) || this.excluded(`${rel}/`)) return false;
      if (last && rules.ignores(rel)) return false;
    }
    return true;
  }

  /** The rules in force inside `relDir`: those of the root and every folder down to it. */
  private rulesFor(relDir: string): Promise<IgnoreRules> {
    let rules = this.rulesByDir.get(relDir);
    if (!rules) {
      rules = (async () => {
        const parentRules = relDir === '' ? IgnoreRules.empty() : await this.rulesFor(relDir.includes('/') ? relDir.slice(0, relDir.lastIndexOf('/')) : '');
        return parentRules.withFolder(path.join(this.root, ...relDir.split('/').filter(Boolean)), relDir);
      })();
      this.rulesByDir.set(relDir, rules);
    }
    return rules;
  }
}
