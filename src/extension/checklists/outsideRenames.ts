import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { log } from '../log';
import { relativeTo } from '../scan/workspaceScan';
import type { ChecklistStateService } from './checklistState';

/** A file's content as compared: size first (cheap), then a hash of the bytes. */
interface Fingerprint {
  size: number;
  hash: string;
}

/** A file with states, by its content; `gone`: when it was first seen gone (creates counted then, time). */
interface Known extends Fingerprint {
  gone?: { creates: number; at: number };
}

/** Files larger than this are not compared (hashing them costs more than the guess is worth). */
const MAX_SIZE = 8 * 1024 * 1024;
/** Recently created files kept for a delete reported after its create. */
const RECENT = 64;
/** Files of a created folder looked at, at most. */
const MAX_FOLDER_FILES = 2000;
/**
 * A gone file is matched against at most this many files created after it went, for at most
 * GONE_MS: a rename shows up at once, and a file gone long ago must not lend its states to a copy
 * made much later.
 */
const GONE_CREATES = RECENT;
const GONE_MS = 5 * 60_000;
/** Files and folders already looked at in a created folder, remembered (newest kept) so nested events for them are skipped. */
const MAX_WALKED = 3 * MAX_FOLDER_FILES;

/**
 * Renames done outside VS Code (`mv` or `git mv` in a terminal, another tool) reach the extension
 * only as a file deleted and another created: VS Code's onDidRenameFiles never fires for them.
 * The content of every file with recorded checklist states is fingerprinted while it exists; when
 * such a file is gone and a file with exactly the same content appears (in either order), its
 * states are copied to the new path. Copied, never moved: this is a guess from content, and the old
 * path keeps what was recorded. Empty files and ambiguous matches (two gone files with the same
 * content and no name to tell them apart) are not followed.
 */
export class OutsideRenames implements vscode.Disposable {
  /**
   * Fingerprints of files with recorded states, by URI, kept a while after the file is gone. A gone
   * file that was followed leaves (its new path is known instead), so its content is matched once.
   */
  private readonly known = new Map<string, Known>();
  /** Files handled so far, to bound how long a gone file is matched. */
  private creates = 0;
  /** Files and folders looked at in a walk of a created folder: URI -> identity (inode, ctime). */
  private readonly walked = new Map<string, string>();
  /** Files looked at for a create, walks of created folders included (tests check a tree is walked once). */
  looked = 0;
  /** Files created lately, newest last: a delete may be reported after the create. */
  private readonly recent: { uri: vscode.Uri; size: number }[] = [];
  private queue: Promise<void> = Promise.resolve();
  private trackQueued = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly states: ChecklistStateService,
    private readonly branchOf: (folder: vscode.WorkspaceFolder) => Promise<string>,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.enqueue(() => this.created(uri))),
      watcher.onDidDelete((uri) => this.enqueue(() => this.deleted(uri))),
      watcher.onDidChange((uri) => {
        if (this.known.has(uri.toString())) this.enqueue(() => this.refingerprint(uri));
      }),
      states.onDidChange((key) => (key ? this.trackFile(key.folder, key.file) : this.scheduleTrack())),
    );
    this.scheduleTrack();
  }

  /** One item set: only its file can be new to this list (a tick in a long checklist stays cheap). */
  private trackFile(folder: string, path: string): void {
    const uri = vscode.Uri.joinPath(vscode.Uri.parse(folder), ...path.split('/'));
    if (uri.scheme !== 'file' || this.known.has(uri.toString())) return;
    this.enqueue(() => this.refingerprint(uri));
  }

  /** Resolves once every event reported so far has been handled (tests wait on it). */
  settled(): Promise<void> {
    return this.queue;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((error: unknown) => log().error(`Checklist state: following a rename made outside VS Code failed: ${String(error)}`));
  }

  /** Fingerprints files that have states and are not known yet; one pass for a burst of changes. */
  private scheduleTrack(): void {
    if (this.trackQueued) return;
    this.trackQueued = true;
    this.enqueue(async () => {
      this.trackQueued = false;
      await this.states.ready;
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        if (folder.uri.scheme !== 'file') continue;
        for (const path of this.states.filesWithStates(folder.uri.toString())) {
          const uri = vscode.Uri.joinPath(folder.uri, ...path.split('/'));
          if (this.known.has(uri.toString())) continue;
          const fingerprint = await fingerprintOf(uri);
          if (fingerprint) this.known.set(uri.toString(), fingerprint);
        }
      }
    });
  }

  private async refingerprint(uri: vscode.Uri): Promise<void> {
    const fingerprint = await fingerprintOf(uri);
    if (fingerprint) this.known.set(uri.toString(), fingerprint);
  }

  /** A file (or a folder of files) appeared: is it one with states that is gone from where it was? */
  private async created(uri: vscode.Uri): Promise<void> {
    // Nothing with states is known: no file can have come from one (and a new folder is not walked).
    if (this.known.size === 0) return;
    for (const file of await this.filesAt(uri)) {
      this.looked++;
      const size = await sizeOf(file);
      if (size === undefined || size === 0 || size > MAX_SIZE) continue;
      this.creates++;
      this.recent.push({ uri: file, size });
      if (this.recent.length > RECENT) this.recent.shift();
      const gone: vscode.Uri[] = [];
      for (const [known, fingerprint] of [...this.known]) {
        // A file with states back at its path (a checkout restored it) is not gone any more.
        if (known === file.toString()) delete fingerprint.gone;
        if (fingerprint.size !== size || known === file.toString()) continue;
        const old = vscode.Uri.parse(known);
        if ((await sizeOf(old)) !== undefined) continue;
        if (this.stillMatched(known, fingerprint)) gone.push(old);
      }
      if (gone.length === 0) continue;
      const hash = await hashOf(file);
      const from = pick(gone.filter((old) => this.known.get(old.toString())?.hash === hash), file);
      if (from && hash !== undefined) await this.follow(from, file, { size, hash });
    }
    this.forgetLongGone();
  }

  /** Whether a known file seen gone is still matched (it went lately); marks when it went, first time. */
  private stillMatched(uri: string, known: Known): boolean {
    known.gone ??= { creates: this.creates, at: Date.now() };
    if (this.creates - known.gone.creates <= GONE_CREATES && Date.now() - known.gone.at <= GONE_MS) return true;
    this.known.delete(uri);
    return false;
  }

  /** Gone files not followed within the bounds leave, even those no create has been compared with. */
  private forgetLongGone(): void {
    for (const [uri, known] of [...this.known]) if (known.gone) this.stillMatched(uri, known);
  }

  /** A file with states (or a folder holding some) is gone: did a file with its content appear before? */
  private async deleted(uri: vscode.Uri): Promise<void> {
    const prefix = `${uri.toString()}/`;
    for (const [known, fingerprint] of [...this.known]) {
      if (known !== uri.toString() && !known.startsWith(prefix)) continue;
      const old = vscode.Uri.parse(known);
      // A delete is reported for a file that is back (an editor saving by replacing it, a
      // checkout): it went nowhere, so no copy of it gets its states.
      if ((await sizeOf(old)) !== undefined) continue;
      if (!this.stillMatched(known, fingerprint)) continue;
      const candidates: vscode.Uri[] = [];
      for (const { uri: created, size } of [...this.recent].reverse()) {
        if (size !== fingerprint.size || (await sizeOf(created)) !== size) continue;
        if ((await hashOf(created)) === fingerprint.hash) candidates.push(created);
      }
      // One gone file, several new copies: follow it only to the one that keeps its name.
      const to = candidates.length === 1 ? candidates[0] : candidates.find((c) => baseName(c) === baseName(old) && candidates.filter((d) => baseName(d) === baseName(old)).length === 1);
      if (to) await this.follow(old, to, { size: fingerprint.size, hash: fingerprint.hash });
    }
  }

  /**
   * Copies the states, then tracks the file at its new path only: the old path is no longer
   * matched (its states stay there, but a later copy or move of the new file must not take them
   * again, nor find two gone files with one content and call it ambiguous).
   */
  private async follow(oldUri: vscode.Uri, newUri: vscode.Uri, content: Fingerprint): Promise<void> {
    this.known.delete(oldUri.toString());
    this.known.set(newUri.toString(), content);
    const fromFolder = vscode.workspace.getWorkspaceFolder(oldUri);
    const toFolder = vscode.workspace.getWorkspaceFolder(newUri);
    if (!fromFolder || !toFolder) return;
    const [fromBranch, toBranch] = await Promise.all([this.branchOf(fromFolder), this.branchOf(toFolder)]);
    const from = { folder: fromFolder.uri.toString(), branch: fromBranch, path: relativeTo(fromFolder, oldUri) };
    const to = { folder: toFolder.uri.toString(), branch: toBranch, path: relativeTo(toFolder, newUri) };
    const copied = await this.states.copy(from, to);
    if (copied > 0) log().info(`Checklist state: ${from.path} was renamed outside VS Code to ${to.path} (same content): ${copied} item state(s) copied there (${toBranch}); they stay at ${from.path} too.`);
  }

  /**
   * The file itself, or the files of a created folder (a folder moved in one go), at most
   * MAX_FOLDER_FILES of them: a folder that appears with a dependency tree in it is not walked whole.
   * A folder or file already looked at in such a walk, unchanged since, is not looked at again: the
   * watcher reports the nested folders and files of a new tree too, each as created.
   */
  private async filesAt(uri: vscode.Uri): Promise<vscode.Uri[]> {
    if (uri.scheme !== 'file') return [];
    const info = await stat(uri.fsPath).catch(() => undefined);
    if (!info || this.walked.get(uri.toString()) === identity(info)) return [];
    if (info.isFile()) return [uri];
    if (!info.isDirectory()) return [];
    const files: vscode.Uri[] = [];
    const folders = [uri];
    while (folders.length > 0 && files.length < MAX_FOLDER_FILES) {
      const folder = folders.shift()!;
      const seen = folder === uri ? info : await stat(folder.fsPath).catch(() => undefined);
      if (!seen || (folder !== uri && this.walked.get(folder.toString()) === identity(seen))) continue;
      this.remember(folder, seen);
      const entries = await readdir(folder.fsPath, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const child = vscode.Uri.joinPath(folder, entry.name);
        if (entry.isDirectory()) folders.push(child);
        else if (entry.isFile() && files.length < MAX_FOLDER_FILES) {
          const file = await stat(child.fsPath).catch(() => undefined);
          if (!file || this.walked.get(child.toString()) === identity(file)) continue;
          this.remember(child, file);
          files.push(child);
        }
      }
    }
    return files;
  }

  private remember(uri: vscode.Uri, info: Stats): void {
    this.walked.delete(uri.toString());
    this.walked.set(uri.toString(), identity(info));
    if (this.walked.size > MAX_WALKED) this.walked.delete(this.walked.keys().next().value!);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Which file or folder a path holds: a rename or a new file changes it (ctime, inode), a nested event of the same tree does not. */
function identity(info: Stats): string {
  return `${info.dev}:${info.ino}:${info.ctimeMs}`;
}

/** The gone file a new file came from: the only one, or the only one with its name; else none. */
function pick(gone: vscode.Uri[], file: vscode.Uri): vscode.Uri | undefined {
  if (gone.length === 1) return gone[0];
  const sameName = gone.filter((old) => baseName(old) === baseName(file));
  return sameName.length === 1 ? sameName[0] : undefined;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

async function sizeOf(uri: vscode.Uri): Promise<number | undefined> {
  try {
    const info = await stat(uri.fsPath);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

async function hashOf(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return createHash('sha256').update(await readFile(uri.fsPath)).digest('hex');
  } catch {
    return undefined;
  }
}

async function fingerprintOf(uri: vscode.Uri): Promise<Fingerprint | undefined> {
  const size = await sizeOf(uri);
  if (size === undefined || size === 0 || size > MAX_SIZE) return undefined;
  const hash = await hashOf(uri);
  return hash === undefined ? undefined : { size, hash };
}
