import { copyFile, readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import {
  InMemoryChecklistStateStore,
  readChecklistStateDocument,
  type ChecklistStateKey,
  type ItemState,
  type ItemStates,
} from '../../core/checklists';
import { writeJsonAtomic } from '../../core/fsAtomic';
import { log } from '../log';

const FILE_NAME = 'checklist-state.json';

/**
 * Checklist item status, per workspace, branch, file and item, kept in a JSON file under the
 * extension's storageUri (formats.md). Every change is written atomically (temp file, then
 * rename), one write at a time, so a reload or a crash never loses what the user recorded.
 */
export class ChecklistStateService implements vscode.Disposable {
  private store = new InMemoryChecklistStateStore();
  private readonly file: string | undefined;
  private writing: Promise<void> = Promise.resolve();
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
    this.changed.fire(key);
    await this.persist();
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
    if (kept) await this.persist();
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

  private persist(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    // Chain writes so two quick changes cannot finish out of order.
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => writeJsonAtomic(file, this.store.toDocument()))
      .catch((error: unknown) => {
        log().error(`Could not save checklist state to ${file}: ${String(error)}`);
        void vscode.window.showErrorMessage(`QA Lens could not save the checklist state: ${String(error)}`);
      });
    return this.writing;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
