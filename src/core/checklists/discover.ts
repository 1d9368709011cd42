import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { displayPath, nodeTextReader, type TextReader } from '../constitution/discover';
import { sortProblems } from '../constitution/parse';
import { resourcePath } from '../resources';
import type { Problem } from '../types';
import { parseChecklist } from './parse';
import { CHECKLIST_ID, type Checklist, type ChecklistSet } from './types';

/** Where a repository keeps its checklists. */
export const CHECKLIST_FOLDER = '.quality/checklists';

/** Reads files and lists folders; the editor may pass its own for virtual workspaces. */
export interface FolderReader extends TextReader {
  /** File names in a folder, or undefined when there is no such folder. */
  listFiles(absoluteDir: string): Promise<string[] | undefined>;
}

export const nodeFolderReader: FolderReader = {
  readText: (path) => nodeTextReader.readText(path),
  async listFiles(absoluteDir) {
    try {
      const entries = await readdir(absoluteDir, { withFileTypes: true });
      return entries.filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
};

export function bundledChecklistFolder(): string {
  return resourcePath('defaults', 'checklists');
}

/**
 * The checklists in effect for the workspace at `root`.
 *
 * Decision: when `.quality/checklists/` holds at least one `.md` file, that folder is the whole
 * set and the bundled defaults no longer apply; otherwise the bundled defaults apply. A file
 * with a bundled checklist's id therefore replaces it, and so does deleting one: what the team
 * sees in its repository (and reviews by pull request) is exactly what is in force. Mixing would
 * make a deleted default silently come back. `qa-lens init` copies every default, so a team that
 * starts from them keeps them all and edits from there. An empty folder counts as no folder.
 * With `bundled: false` the defaults are left out (and unparsed): only the team's files load.
 */
export async function loadChecklists(root: string, reader: FolderReader = nodeFolderReader, options: { bundled?: boolean } = {}): Promise<ChecklistSet> {
  const folder = join(root, ...CHECKLIST_FOLDER.split('/'));
  const problems: Problem[] = [];
  let names: string[] | undefined;
  try {
    names = await reader.listFiles(folder);
  } catch (error) {
    problems.push({ path: CHECKLIST_FOLDER, line: 1, column: 1, message: `cannot read the checklist folder: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' });
  }
  const markdown = (names ?? []).filter((name) => name.toLowerCase().endsWith('.md')).sort();
  if (markdown.length === 0) {
    // A caller that only checks the team's files (the CLI's scan) need not parse the defaults.
    if (options.bundled === false) return { source: 'bundled', checklists: [], problems: sortProblems(problems) };
    const bundled = await loadBundledChecklists();
    return { ...bundled, problems: sortProblems([...problems, ...bundled.problems]) };
  }
  const checklists: Checklist[] = [];
  for (const name of markdown) {
    const file = join(folder, name);
    const path = displayPath(root, file);
    const id = name.slice(0, -'.md'.length);
    if (!CHECKLIST_ID.test(id)) {
      problems.push({ path, line: 1, column: 1, message: `'${name}' is not a usable checklist file name: use letters, digits, '.', '_' and '-' (the name is the checklist id)`, severity: 'error' });
      continue;
    }
    let text: string | undefined;
    try {
      text = await reader.readText(file);
    } catch (error) {
      problems.push({ path, line: 1, column: 1, message: `cannot read the checklist: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' });
      continue;
    }
    if (text === undefined) continue;
    const result = parseChecklist(text, { id, path, source: path, file });
    checklists.push(result.checklist);
    problems.push(...result.problems);
  }
  return { source: CHECKLIST_FOLDER, checklists: sortById(checklists), problems: sortProblems(problems) };
}

/** The bundled default checklists (`resources/defaults/checklists/*.md`). */
export async function loadBundledChecklists(): Promise<ChecklistSet> {
  const folder = bundledChecklistFolder();
  const names = (await readdir(folder)).filter((name) => name.endsWith('.md')).sort();
  const checklists: Checklist[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const file = join(folder, name);
    const result = parseChecklist(await readFile(file, 'utf8'), { id: name.slice(0, -3), path: file.split(sep).join('/'), source: 'bundled', file });
    checklists.push(result.checklist);
    problems.push(...result.problems);
  }
  return { source: 'bundled', checklists: sortById(checklists), problems };
}

function sortById(checklists: Checklist[]): Checklist[] {
  return checklists.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
