import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders where teams keep architecture decision records. */
export const ADR_FOLDERS = ['docs/adr', 'doc/adr', 'adr', 'docs/decisions', 'docs/architecture/decisions'] as const;

export interface AdrReference {
  path: string;
  /** 'touched': the diff changes it; 'related': its name shares a word with an area or changed file. */
  reason: 'touched' | 'related';
  /** For 'touched': the change status; for 'related': the shared word. */
  detail: string;
}

export function isAdrPath(path: string): boolean {
  return /\.(md|markdown|adoc|rst|txt)$/i.test(path) && ADR_FOLDERS.some((folder) => path.startsWith(`${folder}/`));
}

/** ADR files on disk under the known folders (one level of sub-folders), relative with '/'. */
export async function listAdrFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for (const folder of ADR_FOLDERS) {
    await collect(root, folder, 2, files);
  }
  return files.filter(isAdrPath).sort();
}

async function collect(root: string, folder: string, depth: number, into: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(root, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = `${folder}/${entry.name}`;
    if (entry.isFile()) into.push(path);
    else if (entry.isDirectory() && depth > 1) await collect(root, path, depth - 1, into);
  }
}

// Words too common in paths to say two files are about the same thing.
const GENERIC = new Set([
  'src', 'lib', 'test', 'tests', 'spec', 'docs', 'doc', 'index', 'main', 'util', 'utils', 'common', 'core', 'types',
  'app', 'apps', 'packages', 'package', 'internal', 'readme', 'changelog', 'adr', 'decisions', 'record', 'records',
  'architecture', 'use', 'using', 'the', 'and', 'for', 'with', 'new', 'old', 'decision',
]);

/** The meaningful words of a path: lower-case, at least 4 letters, not generic. */
export function pathWords(path: string): Set<string> {
  const words = path.toLowerCase().replace(/\.[a-z0-9]+$/, '').split(/[^a-z0-9]+/);
  return new Set(words.filter((w) => w.length >= 4 && !/^\d+$/.test(w) && !GENERIC.has(w)));
}

/**
 * The ADRs a reviewer should read: those the diff touches, then those whose file name shares a
 * word with an area or a changed file's name (e.g. `0007-billing-currency.md` for `packages/billing`).
 */
export function relatedAdrs(
  adrFiles: readonly string[],
  changed: readonly { path: string; status: string }[],
  areas: readonly string[],
): AdrReference[] {
  const result: AdrReference[] = [];
  const touched = new Map(changed.filter((f) => isAdrPath(f.path)).map((f) => [f.path, f.status]));
  for (const [path, status] of touched) result.push({ path, reason: 'touched', detail: status });
  const words = new Set<string>();
  for (const area of areas) for (const w of pathWords(area)) words.add(w);
  for (const file of changed) {
    if (isAdrPath(file.path)) continue;
    for (const w of pathWords(file.path.split('/').pop() ?? '')) words.add(w);
  }
  for (const adr of adrFiles) {
    if (touched.has(adr)) continue;
    const shared = [...pathWords(adr.split('/').pop() ?? '')].find((w) => words.has(w));
    if (shared !== undefined) result.push({ path: adr, reason: 'related', detail: shared });
  }
  return result.sort((a, b) => (a.reason === b.reason ? a.path.localeCompare(b.path) : a.reason === 'touched' ? -1 : 1));
}
