import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CHECKLIST_FOLDER } from './checklists/index';
import { DEFAULT_CONFIG_PATH, loadConfig } from './config/index';
import { BUNDLED, loadConstitution } from './constitution/index';
import { resourcePath } from './resources';

/**
 * Copies the bundled defaults into a repository's `.quality/` (`qa-lens init` and the editor's
 * "Create Constitution"): the constitution, the checklists and a starter config. Never overwrites.
 */

/** What happened to one default, in the order they are written. */
export interface InitEntry {
  /** Relative to the root, '/' separators. */
  target: string;
  outcome: 'wrote' | 'skipped';
  /** Why a file was skipped ("it already exists", "the team's constitution is CONSTITUTION.md"). */
  reason?: string;
}

/** A file that could not be written; the message names the file and says why. */
export class InitError extends Error {}

interface Copy {
  target: string;
  from: string;
  skipBecause?: string;
}

/** `onEntry` hears about each file as soon as it is settled (the CLI prints it then). */
export async function writeDefaults(root: string, onEntry?: (entry: InitEntry) => void): Promise<InitEntry[]> {
  const copies = await planCopies(root);
  const entries: InitEntry[] = [];
  const settle = (entry: InitEntry): void => {
    entries.push(entry);
    onEntry?.(entry);
  };
  for (const copy of copies) {
    if (copy.skipBecause) {
      settle({ target: copy.target, outcome: 'skipped', reason: copy.skipBecause });
      continue;
    }
    const wrote = await writeNew(join(root, ...copy.target.split('/')), await readFile(copy.from, 'utf8'), copy.target);
    settle(wrote ? { target: copy.target, outcome: 'wrote' } : { target: copy.target, outcome: 'skipped', reason: 'it already exists' });
  }
  return entries;
}

async function planCopies(root: string): Promise<Copy[]> {
  const copies: Copy[] = [];
  // A constitution kept elsewhere (CONSTITUTION.md, docs/...) would be shadowed by a new
  // .quality/constitution.md, which discovery reads first: leave it alone.
  const config = await loadConfig(root);
  const current = await loadConstitution(root, { configuredPath: config.config.constitution });
  const elsewhere = current.constitution.source !== BUNDLED && current.constitution.source !== '.quality/constitution.md';
  copies.push({
    target: '.quality/constitution.md',
    from: resourcePath('defaults', 'constitution.md'),
    skipBecause: elsewhere ? `the team's constitution is ${current.constitution.source}` : undefined,
  });
  const checklistDir = resourcePath('defaults', 'checklists');
  for (const name of (await readdir(checklistDir)).filter((n) => n.endsWith('.md')).sort()) {
    copies.push({ target: `${CHECKLIST_FOLDER}/${name}`, from: join(checklistDir, name) });
  }
  copies.push({ target: DEFAULT_CONFIG_PATH, from: resourcePath('defaults', 'config.json') });
  return copies;
}

/** Creates the file only if it does not exist ('wx' makes the check and the write one step). */
async function writeNew(file: string, text: string, display: string): Promise<boolean> {
  try {
    await mkdir(dirname(file), { recursive: true });
  } catch (error) {
    throw new InitError(`cannot create the folder for ${display}: ${(error as Error).message}`);
  }
  try {
    await writeFile(file, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    throw new InitError(`cannot write ${display}: ${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message}`);
  }
}
