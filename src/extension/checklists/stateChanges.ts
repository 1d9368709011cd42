// Pure helpers for ChecklistStateService (no `vscode`): a recorded state is a list of changes,
// so that they can be laid over whatever another window has written to the file meanwhile.
import { branchKeyMatches, InMemoryChecklistStateStore, type ChecklistStateDocument, type ChecklistStateKey, type ItemState } from '../../core/checklists';

/** One recorded change: a state for an item, or `undefined` to forget it (back to open). */
export interface StateChange {
  key: ChecklistStateKey;
  state: ItemState | undefined;
}

/** Every stored item state of a document, with its key. */
export function documentEntries(document: ChecklistStateDocument): [ChecklistStateKey, ItemState][] {
  const result: [ChecklistStateKey, ItemState][] = [];
  for (const [folder, branches] of Object.entries(document.entries)) {
    for (const [branch, files] of Object.entries(branches)) {
      for (const [file, checklists] of Object.entries(files)) {
        for (const [checklist, items] of Object.entries(checklists)) {
          for (const [item, state] of Object.entries(items)) result.push([{ folder, branch, file, checklist, item }, state]);
        }
      }
    }
  }
  return result;
}

/** Applies changes in order; `open` and `undefined` both forget the item. */
export function applyChanges(store: InMemoryChecklistStateStore, changes: readonly StateChange[]): void {
  for (const { key, state } of changes) store.set(key, state ?? { status: 'open' });
}

/** Where a file or folder was, or went: workspace folder (URI string), its branch, relative path. */
export interface PathInFolder {
  folder: string;
  branch: string;
  path: string;
  /** The full commit id when `branch` is a detached HEAD's key (ChecklistStateKey.commit). */
  commit?: string;
}

/**
 * The changes that carry the states of a renamed or moved file, or of every file under a renamed
 * folder, to the new path, on the current branch only (other branches still have the file where
 * it was). A move into another workspace folder lands on that folder's current branch.
 * States already recorded at the new path are overwritten only for the items the moved file has.
 */
export function renameChanges(document: ChecklistStateDocument, from: PathInFolder, to: PathInFolder): StateChange[] {
  if (from.folder === to.folder && from.branch === to.branch && from.path === to.path) return [];
  const changes: StateChange[] = [];
  const moved: StateChange[] = [];
  const movedOlder: StateChange[] = [];
  for (const [key, state] of documentEntries(document)) {
    // States under an older key of the same detached HEAD are shown for it, so they move too.
    if (key.folder !== from.folder || !branchKeyMatches(key.branch, from.branch, from.commit)) continue;
    const rest = restUnder(key.file, from.path);
    if (rest === undefined) continue;
    changes.push({ key, state: undefined });
    (key.branch === from.branch ? moved : movedOlder).push({ key: { ...key, folder: to.folder, branch: to.branch, file: to.path + rest, commit: to.commit }, state });
  }
  // Forget the old keys first: a folder renamed into itself (a -> a/b) must keep the moved ones.
  // A state under the current key is what is shown, so it is laid last, over an older one.
  return [...changes, ...movedOlder, ...moved];
}

/** '' for the path itself, '/x/y' for a path under it (a folder), undefined otherwise. */
function restUnder(file: string, path: string): string | undefined {
  if (path === '') return `/${file}`;
  if (file === path) return '';
  return file.startsWith(`${path}/`) ? file.slice(path.length) : undefined;
}

/**
 * The changes that copy the states of a file to where it went, on the current branch, leaving the
 * old path's states as they are (a rename seen from outside VS Code is a guess: undoing a wrong
 * one must lose nothing). Items already recorded at the new path keep what they have there.
 */
export function copyChanges(document: ChecklistStateDocument, from: PathInFolder, to: PathInFolder): StateChange[] {
  if (from.folder === to.folder && from.path === to.path) return [];
  const entries = documentEntries(document);
  const at = (key: ChecklistStateKey): string => JSON.stringify([key.folder, key.branch, key.file, key.checklist, key.item]);
  const recorded = new Set(entries.filter(([key]) => key.folder === to.folder && branchKeyMatches(key.branch, to.branch, to.commit) && key.file === to.path).map(([key]) => at({ ...key, branch: to.branch })));
  const older: StateChange[] = [];
  const current: StateChange[] = [];
  for (const [key, state] of entries) {
    if (key.folder !== from.folder || key.file !== from.path || !branchKeyMatches(key.branch, from.branch, from.commit)) continue;
    const target = { ...key, folder: to.folder, branch: to.branch, file: to.path, commit: to.commit };
    if (!recorded.has(at(target))) (key.branch === from.branch ? current : older).push({ key: target, state });
  }
  return [...older, ...current];
}

/** Workspace-relative paths of the files with a recorded state in a folder, on any branch. */
export function filesWithStates(document: ChecklistStateDocument, folder: string): string[] {
  return [...new Set(Object.values(document.entries[folder] ?? {}).flatMap((files) => Object.keys(files)))];
}
