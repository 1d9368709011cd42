import { copyFile, readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import {
  InMemoryChecklistStateStore,
  readChecklistStateDocument,
  type ChecklistStateDocument,
  type ChecklistStateKey,
  type ItemState,
  type ItemStates,
} from '../../core/checklists';
import { writeJsonAtomic } from '../../core/fsAtomic';
import { log } from '../log';
import { applyChanges, renameChanges, type PathInFolder, type StateChange } from './stateChanges';

const FILE_NAME = 'checklist-state.json';

/**
 * Checklist item status, per workspace, branch, file and item, kept in a JSON file under the
 * extension's storageUri (formats.md). Every change is written atomically (temp file, then
 * rename), one write at a time, so a reload or a crash never loses what the user recorded.
 * Two windows on one workspace (two browser tabs on one code-server) share that file: each write
 * lays this window's changes over the file as it is on disk, never over this window's older copy,
 * so neither window's states are lost to the other's.
 */
export class ChecklistStateService implements vscode.Disposable {
  private store = new InMemoryChecklistStateStore();
  private readonly file: string | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Changes made here and not written yet, in order. */
  private pending: StateChange[] = [];
  private readonly changed = new vscode.EventEmitter<ChecklistStateKey | undefined>();
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;

  constructor(storageUri: vscode.Uri | undefined) {
    // Without a workspace there is no storageUri: state then lives for the session only.
    this.file = storageUri ? vscode.Uri.joinPath(storageUri, FILE_NAME).fsPath : undefined;
    this.ready = this.load();
  }

  /** Where the state is stored (tests re-create the service from it). */
  get path(): string | undefined {
    return this.file;
  }

  get(key: ChecklistStateKey): ItemState | undefined {
    return this.store.get(key);
  }

  itemStates(folder: string, branch: string, file: string, checklist: string): ItemStates {
    return this.store.itemStates(folder, branch, file, checklist);
  }

  /** Records a state (validated by the store) and persists it; resolves when it is on disk. */
  async set(key: ChecklistStateKey, state: ItemState): Promise<void> {
    await this.ready;
    this.store.set(key, { ...state, updated: new Date().toISOString() });
    this.pending.push({ key, state: this.store.get(key) });
    this.changed.fire(key);
    await this.persist();
  }

  /**
   * A file or folder was renamed or moved: its states on the current branch go with it (other
   * branches still have it at the old path). Resolves with how many item states moved, once on disk.
   */
  async move(from: PathInFolder, to: PathInFolder): Promise<number> {
    await this.ready;
    const changes = renameChanges(this.store.toDocument(), from, to);
    if (changes.length === 0) return 0;
    applyChanges(this.store, changes);
    this.pending.push(...changes);
    this.changed.fire(undefined);
    await this.persist();
    return changes.length / 2;
  }

  private async load(): Promise<void> {
    if (!this.file) return;
    let data: unknown;
    let unreadable = false;
    try {
      data = JSON.parse(await readFile(this.file, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      unreadable = true;
      log().warn(`Checklist state at ${this.file} could not be read (${String(error)}); starting with what is valid.`);
    }
    const { document, dropped } = readChecklistStateDocument(data);
    for (const reason of dropped) log().warn(`Checklist state: ${reason}`);
    // The next change rewrites the file with only what was valid: keep the file as it was first,
    // so nothing the user recorded is lost to a damaged file (it can be mended by hand).
    const kept = (unreadable || dropped.length > 0) && (await this.keepCopy(this.file));
    this.store = new InMemoryChecklistStateStore(document);
    this.changed.fire(undefined);
    // With the damaged file safe in its copy, store what was valid now: otherwise every start
    // would find the same damage and keep yet another copy.
    if (kept) await this.persist(true);
  }

  /** True when the copy was made (only then may the file be rewritten). */
  private async keepCopy(file: string): Promise<boolean> {
    const copy = `${file.replace(/\.json$/, '')}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    try {
      await copyFile(file, copy);
      log().warn(`Checklist state: the file as it was is kept at ${copy}.`);
      void vscode.window.showWarningMessage(`QA Lens: the checklist state file was damaged; what could be read is in use, and the file as it was is kept at ${copy}.`);
      return true;
    } catch (error) {
      log().error(`Checklist state: could not keep a copy of ${file}: ${String(error)}`);
      return false;
    }
  }

  /** `replace`: write this window's whole document (the file on disk is damaged and kept aside). */
  private persist(replace = false): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    // Chain writes so two quick changes cannot finish out of order.
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => (replace ? writeJsonAtomic(file, this.store.toDocument()) : this.write(file)))
      .catch((error: unknown) => {
        log().error(`Could not save checklist state to ${file}: ${String(error)}`);
        void vscode.window.showErrorMessage(`QA Lens could not save the checklist state: ${String(error)}`);
      });
    return this.writing;
  }

  /**
   * Writes the pending changes over the file as it is now (another window may have written to it
   * since this one read it), then shows what that window recorded here too.
   */
  private async write(file: string): Promise<void> {
    const changes = this.pending;
    if (changes.length === 0) return;
    this.pending = [];
    const onDisk = await this.readForMerge(file);
    if (!onDisk) {
      await writeJsonAtomic(file, this.store.toDocument());
      return;
    }
    const merged = new InMemoryChecklistStateStore(onDisk);
    applyChanges(merged, changes);
    try {
      await writeJsonAtomic(file, merged.toDocument());
    } catch (error) {
      this.pending = [...changes, ...this.pending];
      throw error;
    }
    // Changes made while this write ran are not in `merged` yet: lay them over it as well.
    applyChanges(merged, this.pending);
    const before = JSON.stringify(this.store.toDocument());
    this.store = merged;
    if (JSON.stringify(merged.toDocument()) !== before) this.changed.fire(undefined);
  }

  /** The stored document to merge into, or undefined to write this window's own (no file, or damaged). */
  private async readForMerge(file: string): Promise<ChecklistStateDocument | undefined> {
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return undefined;
      // Damaged since it was loaded: keep it as it was before this window replaces it.
      return (await this.keepCopy(file)) ? undefined : Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    const { document, dropped } = readChecklistStateDocument(data);
    if (dropped.length > 0 && !(await this.keepCopy(file))) throw new Error(`the checklist state at ${file} has entries this version cannot read`);
    return document;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
