import { access } from 'node:fs/promises';
import { join } from 'node:path';

/** Files that make a folder a workspace package of its own (an area of the change). */
export const PACKAGE_MANIFESTS = ['package.json', 'go.mod', 'Cargo.toml', 'pyproject.toml'] as const;

/** The label used for files at the repository root. */
export const ROOT_AREA = '(root)';

/**
 * The area a path belongs to: the deepest folder above it that is a workspace package (a folder
 * other than the root with its own manifest), else its top-level folder, else the root.
 */
export function areaOf(path: string, packageDirs: ReadonlySet<string>): string {
  const parts = path.split('/');
  for (let depth = parts.length - 1; depth >= 1; depth--) {
    const dir = parts.slice(0, depth).join('/');
    if (packageDirs.has(dir)) return dir;
  }
  return parts.length > 1 ? (parts[0] ?? ROOT_AREA) : ROOT_AREA;
}

/** The folders (relative, '/') above the given paths that hold a package manifest on disk. */
export async function findPackageDirs(root: string, paths: readonly string[]): Promise<Set<string>> {
  const candidates = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) candidates.add(parts.slice(0, depth).join('/'));
  }
  const found = new Set<string>();
  await Promise.all(
    [...candidates].map(async (dir) => {
      for (const manifest of PACKAGE_MANIFESTS) {
        try {
          await access(join(root, dir, manifest));
          found.add(dir);
          return;
        } catch {
          // not this manifest
        }
      }
    }),
  );
  return found;
}

/** Groups items by area, areas in path order with the root last. */
export function groupByArea<T extends { path: string }>(items: readonly T[], packageDirs: ReadonlySet<string>): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const area = areaOf(item.path, packageDirs);
    const list = groups.get(area) ?? [];
    list.push(item);
    groups.set(area, list);
  }
  const order = [...groups.keys()].sort((a, b) => (a === ROOT_AREA ? 1 : b === ROOT_AREA ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return new Map(order.map((area) => [area, groups.get(area) ?? []]));
}
