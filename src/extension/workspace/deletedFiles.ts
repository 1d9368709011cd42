import * as vscode from 'vscode';
import { log } from '../log';

/**
 * Open documents whose file is gone from disk (deleted, or renamed away), by VS Code's own file
 * operations or from outside (`rm`, `git mv` in a terminal, seen by the file watcher).
 *
 * VS Code keeps a document in `workspace.textDocuments` after its file is deleted: an editor shows
 * it as "(deleted)", and a document opened through the API (by a test or another extension) stays
 * for minutes after nothing uses it. Whoever shows findings per file asks here whether the file
 * still exists, so that a deleted file is not listed at its old path until VS Code lets go of it.
 *
 * Every event only says "look again": whether the file exists is asked of the file system, one
 * check at a time per document, so a delete followed at once by a create (a tool writing a file
 * by replacing it) ends in the state the disk is in, whatever order the answers come back in.
 */
export class DeletedFiles implements vscode.Disposable {
  private readonly deleted = new Map<string, vscode.Uri>();
  /** Per document: the check running now (the next one waits for it). */
  private readonly checks = new Map<string, Promise<void>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /**
   * Fires when an open document's file was found gone, or back, and when a document whose file is
   * gone went from unsaved to saved (or back).
   */
  readonly onDidChange = this.changed.event;

  constructor() {
    // Workspace folders only (files outside them are not in the workspace scan either): the one
    // recursive watcher VS Code already runs serves a '**/*' pattern.
    // Changes are of no interest: a file that changed exists.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      watcher.onDidDelete((uri) => this.lookUnder(uri)),
      watcher.onDidCreate((uri) => this.lookUnder(uri)),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.lookUnder(uri))),
      vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => [oldUri, newUri].forEach((uri) => this.lookUnder(uri)))),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.deleted.delete(doc.uri.toString());
      }),
      // A save writes the file again, but the watcher may never say so: a save and a delete soon
      // after come from it as nothing at all. Ask the disk.
      vscode.workspace.onDidSaveTextDocument((doc) => this.check(doc.uri)),
      // Saved, reverted or edited: whether a deleted file's document holds unsaved text changed.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0 && this.deleted.has(event.document.uri.toString())) this.changed.fire(event.document.uri);
      }),
    );
  }

  /** Whether the file of this open document was deleted (or renamed away) and is not back. */
  isDeleted(uri: vscode.Uri): boolean {
    return this.deleted.has(uri.toString());
  }

  /**
   * A path was deleted, created or renamed: checks the open documents at or under it (a watcher
   * reports a deleted folder once, not each file in it).
   */
  private lookUnder(uri: vscode.Uri): void {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    for (const doc of vscode.workspace.textDocuments) {
      const candidate = doc.uri;
      if (doc.isClosed || candidate.scheme !== uri.scheme || candidate.authority !== uri.authority) continue;
      if (candidate.path === uri.path || candidate.path.startsWith(prefix)) this.check(candidate);
    }
  }

  private check(uri: vscode.Uri): void {
    const key = uri.toString();
    const previous = this.checks.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.checkNow(uri))
      .catch((error: unknown) => log().warn(`Checking whether ${uri.fsPath} still exists: ${String(error)}`))
      .finally(() => {
        if (this.checks.get(key) === next) this.checks.delete(key);
      });
    this.checks.set(key, next);
  }

  private async checkNow(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const gone = await vscode.workspace.fs.stat(uri).then(
      () => false,
      (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'FileNotFound',
    );
    // Closed while we asked: nothing to say about it.
    const open = vscode.workspace.textDocuments.some((doc) => !doc.isClosed && doc.uri.toString() === key);
    if (gone && open && !this.deleted.has(key)) {
      this.deleted.set(key, uri);
      this.changed.fire(uri);
    } else if (!gone && this.deleted.delete(key)) {
      this.changed.fire(uri);
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
