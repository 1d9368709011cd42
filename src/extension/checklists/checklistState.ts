import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import {
  InMemoryChecklistStateStore,
  readStateFile,
  type ChecklistStateDocument,
  type ChecklistStateKey,
  type ItemState,
  type ItemStates,
  type StateFileProblem,
} from '../../core/checklists';
import { writeTextAtomic } from '../../core/fsAtomic';
import { log } from '../log';
import { detachedCommit } from './detachedHeads';
import { applyChanges, copyChanges, filesWithStates, renameChanges, type PathInFolder, type StateChange } from './stateChanges';

const FILE_NAME = 'checklist-state.json';
const RELOAD_DELAY_MS = 100;

/**
 * Checklist item status, per workspace, branch, file and item, kept in a JSON file under the
 * extension's storageUri (formats.md). Every change is written atomically (temp file, then
 * rename), one write at a time, so a reload or a crash never loses what the user recorded.
 * Two windows on one workspace (two browser tabs on one code-server) share that file: each write
 * lays this window's changes over the file as it is on disk, never over this window's older copy,
 * so neither window's states are lost to the other's. The file is watched too: what another window
 * (or a hand edit) writes is shown here at once, with this window's unwritten changes laid over it.
 * A damaged file is shown as diagnostics at its lines and never replaces the state in use.
 */
export class ChecklistStateService implements vscode.Disposable {
  private store = new InMemoryChecklistStateStore();
  private readonly file: string | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Changes made here and not written yet, in order. */
  private pending: StateChange[] = [];
  /** The file's text as this window last read or wrote it: an event for it is this window's own write. */
  private lastText: string | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private disposed = false;
  private readonly problems = vscode.languages.createDiagnosticCollection('qa-lens-checklist-state');
  private readonly changed = new vscode.EventEmitter<ChecklistStateKey | undefined>();
  readonly onDidChange = this.changed.event;
  readonly ready: Promise<void>;
  /** Follows renames made outside VS Code (set by followRenames); `settled()` lets tests wait for it. */
  outsideRenames: { settled(): Promise<void>; readonly looked: number } | undefined;

  constructor(private readonly storageUri: vscode.Uri | undefined) {
    // Without a workspace there is no storageUri: state then lives for the session only.
    this.file = storageUri ? vscode.Uri.joinPath(storageUri, FILE_NAME).fsPath : undefined;
    this.ready = this.load().then(() => this.watch());
  }

  /** Where the state is stored (tests re-create the service from it). */
  get path(): string | undefined {
    return this.file;
  }

  get(key: ChecklistStateKey): ItemState | undefined {
    return this.store.get(withCommit(key));
  }

  itemStates(folder: string, branch: string, file: string, checklist: string): ItemStates {
    return this.store.itemStates(folder, branch, file, checklist, detachedCommit(folder, branch));
  }

  /** Records a state (validated by the store) and persists it; resolves when it is on disk. */
  async set(asked: ChecklistStateKey, state: ItemState): Promise<void> {
    await this.ready;
    const key = withCommit(asked);
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
    const changes = renameChanges(this.store.toDocument(), withCommit(from), withCommit(to));
    if (changes.length === 0) return 0;
    applyChanges(this.store, changes);
    this.pending.push(...changes);
    this.changed.fire(undefined);
    await this.persist();
    return changes.length / 2;
  }

  /**
   * A file was renamed or moved outside VS Code (a terminal's `mv`, `git mv`): its states on the
   * current branch are copied to the new path and kept at the old one. Resolves with how many
   * item states were copied, once on disk.
   */
  async copy(from: PathInFolder, to: PathInFolder): Promise<number> {
    await this.ready;
    const changes = copyChanges(this.store.toDocument(), withCommit(from), withCommit(to));
    if (changes.length === 0) return 0;
    applyChanges(this.store, changes);
    this.pending.push(...changes);
    this.changed.fire(undefined);
    await this.persist();
    return changes.length;
  }

  /** Workspace-relative paths of the files with a recorded state in a workspace folder (its URI), on any branch. */
  filesWithStates(folder: string): string[] {
    return filesWithStates(this.store.toDocument(), folder);
  }

  private async load(): Promise<void> {
    if (!this.file) return;
    const read = await this.readStored(this.file);
    if (!read) return;
    const { text, document, problems } = read;
    // The next change rewrites the file with only what was valid: keep the file as it was first,
    // so nothing the user recorded is lost to a damaged file (it can be mended by hand).
    const copy = problems.length > 0 ? await this.keepCopy(this.file) : undefined;
    if (problems.length > 0) this.showProblems(copy ?? this.file, problems);
    this.store = new InMemoryChecklistStateStore(document);
    this.lastText = text;
    this.changed.fire(undefined);
    // With the damaged file safe in its copy, store what was valid now: otherwise every start
    // would find the same damage and keep yet another copy.
    if (copy) await this.persist(true);
  }

  /**
   * The file's text and what is valid in it (problems logged), undefined when there is no file.
   * An unreadable file (permissions, a folder in its place) reads as empty text with one problem.
   */
  private async readStored(file: string): Promise<({ text: string } & ReturnType<typeof readStateFile>) | undefined> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      log().warn(`Checklist state at ${file} could not be read (${String(error)}).`);
      return { text: '', ...readStateFile(''), problems: [{ line: 1, column: 1, message: `could not be read: ${String(error)}` }] };
    }
    const read = readStateFile(text);
    for (const problem of read.problems) log().warn(`Checklist state ${file}:${problem.line}:${problem.column}: ${problem.message}`);
    return { text, ...read };
  }

  /** Watches the file for other writers: another window, a hand edit, a tool. */
  private async watch(): Promise<void> {
    if (!this.file || !this.storageUri || this.disposed) return;
    // A watcher on a folder that does not exist yet may never report anything.
    await mkdir(dirname(this.file), { recursive: true }).catch((error: unknown) => log().warn(`Checklist state: cannot create ${dirname(this.file!)}: ${String(error)}`));
    if (this.disposed) return;
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.storageUri, FILE_NAME));
    this.watcher.onDidChange(() => this.scheduleReload());
    this.watcher.onDidCreate(() => this.scheduleReload());
  }

  /**
   * One reload at a time, after any write in progress (writes and reloads share one queue), a
   * moment after the last event: an editor saving in place reports the file more than once.
   */
  private scheduleReload(): void {
    const file = this.file;
    if (!file || this.disposed) return;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      this.writing = this.writing
        .catch(() => undefined)
        .then(() => this.reload(file))
        .catch((error: unknown) => log().error(`Checklist state: could not reload ${file}: ${String(error)}`));
    }, RELOAD_DELAY_MS);
  }

  /**
   * Shows what another writer stored, with this window's unwritten changes laid over it. A damaged
   * file is left as it is (it may be half-way through a hand edit) and the state in use is kept.
   */
  private async reload(file: string): Promise<void> {
    const read = await this.readStored(file);
    // Deleted: keep what is shown; the next change writes the file again.
    if (!read || this.disposed) return;
    this.showProblems(file, read.problems);
    // Damaged, or this window's own write (or mended back to it): nothing new to show.
    if (read.problems.length > 0 || read.text === this.lastText) return;
    this.lastText = read.text;
    const next = new InMemoryChecklistStateStore(read.document);
    applyChanges(next, this.pending);
    if (JSON.stringify(next.toDocument()) === JSON.stringify(this.store.toDocument())) return;
    this.store = next;
    this.changed.fire(undefined);
  }

  /** Problems of a state file as diagnostics at their lines; none clears them. */
  private showProblems(file: string, problems: readonly StateFileProblem[]): void {
    const uri = vscode.Uri.file(file);
    if (problems.length === 0) {
      this.problems.delete(uri);
      return;
    }
    this.problems.set(
      uri,
      problems.map((problem) => {
        const line = problem.line - 1;
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, problem.column - 1, line, Number.MAX_SAFE_INTEGER), `Checklist state: ${problem.message}`, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'QA Lens';
        return diagnostic;
      }),
    );
  }

  /** The copy's path when it was made (only then may the file be rewritten). */
  private async keepCopy(file: string): Promise<string | undefined> {
    const copy = `${file.replace(/\.json$/, '')}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    try {
      await copyFile(file, copy);
      log().warn(`Checklist state: the file as it was is kept at ${copy}.`);
      void vscode.window.showWarningMessage(`QA Lens: the checklist state file was damaged; what could be read is in use, and the file as it was is kept at ${copy}.`);
      return copy;
    } catch (error) {
      log().error(`Checklist state: could not keep a copy of ${file}: ${String(error)}`);
      return undefined;
    }
  }

  /** `replace`: write this window's whole document (the file on disk is damaged and kept aside). */
  private persist(replace = false): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    // Chain writes so two quick changes cannot finish out of order.
    this.writing = this.writing
      .catch(() => undefined)
      .then(() => (replace ? this.writeDocument(file, this.store.toDocument()) : this.write(file)))
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
      await this.writeDocument(file, this.store.toDocument());
      return;
    }
    const merged = new InMemoryChecklistStateStore(onDisk);
    applyChanges(merged, changes);
    try {
      await this.writeDocument(file, merged.toDocument());
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

  /** Writes atomically and remembers the text, so the watcher's event for it is known as this window's. */
  private async writeDocument(file: string, document: ChecklistStateDocument): Promise<void> {
    const text = `${JSON.stringify(document, null, 2)}\n`;
    await writeTextAtomic(file, text);
    this.lastText = text;
    this.showProblems(file, []);
  }

  /** The stored document to merge into, or undefined to write this window's own (no file, or damaged). */
  private async readForMerge(file: string): Promise<ChecklistStateDocument | undefined> {
    const read = await this.readStored(file);
    if (!read) return undefined;
    if (read.problems.length === 0) return read.document;
    // Damaged since it was loaded: keep it as it was before this window replaces it.
    const copy = await this.keepCopy(file);
    if (!copy) throw new Error(`the checklist state at ${file} is damaged and could not be kept aside`);
    this.showProblems(copy, read.problems);
    return undefined;
  }

  dispose(): void {
    this.disposed = true;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.watcher?.dispose();
    this.problems.dispose();
    this.changed.dispose();
  }
}

/** The key with the full commit id of the detached HEAD its branch keys, when it is one (older keys of it are read). */
function withCommit<T extends { folder: string; branch: string; commit?: string }>(key: T): T {
  const commit = key.commit ?? detachedCommit(key.folder, key.branch);
  return commit === undefined ? key : { ...key, commit };
}
