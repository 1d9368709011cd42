import * as path from 'node:path';
import * as vscode from 'vscode';
import { addedLines, defaultBaseBranch, resolveCommit, type AddedLines } from '../../git';
import { log } from '../log';
import type { GitInfo } from '../workspace/gitInfo';
import type { ProjectRegistry } from '../workspace/projects';
import { UnsavedLines } from './unsavedLines';
import type { LocatedFinding } from './workspaceScan';
import { getOrCreate } from '../../core/getOrCreate';

/** The lines added in one folder since its base branch, or why they are unknown. */
export type FolderChanges =
  | { kind: 'ok'; base: string; lines: AddedLines; prefix: string; root: string; baseSha: string }
  | { kind: 'unavailable'; message: string };

/**
 * "Only my changes since the base branch": the lines this branch added (committed, staged, not yet
 * staged, untracked files, and typed in an editor but not saved yet) compared with the base
 * branch, per folder. Asked lazily (only while the filter is on), cached, and forgotten when
 * files, HEAD or the project change.
 */
export class ChangedLines implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<FolderChanges>>();
  private readonly unsaved = new UnsavedLines();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.unsaved, this.changed];

  /**
   * Fires when what was asked before may be out of date (a file written, HEAD moved): a view
   * showing the filter asks again. Typing needs no event: the analysis of the edit refreshes it.
   */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly git: GitInfo,
    private readonly projects: ProjectRegistry,
    filesChanged: vscode.Event<vscode.Uri>,
  ) {
    const filesWritten = (uri?: vscode.Uri): void => {
      this.cache.clear();
      this.unsaved.forgetWorkingTree();
      // git's own bookkeeping (the index refreshed by a status, a fetch) changes no line of a file,
      // and a rebuild for each would run git again, writing more of it.
      if (!uri || !/(^|\/)\.git(\/|$)/.test(uri.path)) this.changed.fire();
    };
    const baseMoved = (): void => {
      this.cache.clear();
      this.unsaved.clear();
      this.changed.fire();
    };
    this.disposables.push(
      // Any file written, created or deleted may add or remove lines (a new file is all added
      // lines): without this, shortcuts written after the filter was turned on never showed up.
      filesChanged(filesWritten),
      // Saved: git now reads the text the editor showed. Said at once rather than when the
      // watcher reports the write, or a view rebuilt in between shows the file as it was before.
      vscode.workspace.onDidSaveTextDocument(() => filesWritten()),
      git.onDidChange(baseMoved),
      projects.onDidChange(baseMoved),
    );
  }

  /** Files changed: the added lines must be asked again the next time they are needed. */
  invalidate(): void {
    this.cache.clear();
    this.unsaved.forgetWorkingTree();
  }

  forFolder(folder: vscode.WorkspaceFolder): Promise<FolderChanges> {
    return getOrCreate(this.cache, folder.uri.toString(), () => this.load(folder));
  }

  /** A predicate for the filter: whether a finding's line was added since its folder's base. */
  async predicate(findings: readonly LocatedFinding[]): Promise<(item: LocatedFinding) => boolean> {
    const folders = new Map<string, FolderChanges>();
    // An unsaved document's findings are on the editor's lines, not the file's: compare its text.
    const dirty = new Map<string, vscode.TextDocument>();
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && doc.uri.scheme === 'file') dirty.set(doc.uri.toString(), doc);
    const unsaved = new Map<string, Set<number>>();
    for (const item of findings) {
      const key = item.folder.uri.toString();
      let changes = folders.get(key);
      if (!changes) {
        changes = await this.forFolder(item.folder);
        folders.set(key, changes);
      }
      const uri = item.uri.toString();
      const doc = dirty.get(uri);
      if (!doc || unsaved.has(uri) || changes.kind !== 'ok') continue;
      const repoPath = changes.prefix + item.finding.path;
      unsaved.set(uri, await this.unsaved.linesOf(doc, { root: changes.root, sha: changes.baseSha }, repoPath, changes.lines.get(repoPath)));
    }
    return (item) => {
      const changes = folders.get(item.folder.uri.toString());
      if (!changes || changes.kind !== 'ok') return false;
      const lines = unsaved.get(item.uri.toString()) ?? changes.lines.get(changes.prefix + item.finding.path);
      if (!lines) return false;
      for (let line = item.finding.line; line <= item.finding.endLine; line++) if (lines.has(line)) return true;
      return false;
    };
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<FolderChanges> {
    const info = await this.git.forFolder(folder);
    if (info.kind !== 'ok') return { kind: 'unavailable', message: info.message };
    try {
      const project = await this.projects.forFolder(folder);
      const base = await defaultBaseBranch(info.root, project.config.reviews?.base);
      if (!base) return { kind: 'unavailable', message: 'no base branch (set reviews.base in .quality/config.json or qaLens.reviews.base)' };
      // Resolved once: the saved lines and the unsaved documents are compared with the same commit.
      const baseSha = await resolveCommit(info.root, base.ref);
      const lines = await addedLines(info.root, baseSha, { includeWorkingTree: true });
      // addedLines is keyed by repository-relative path; findings are folder-relative.
      const rel = path.relative(info.root, folder.uri.fsPath).split(path.sep).join('/');
      return { kind: 'ok', base: base.ref, lines, prefix: rel === '' ? '' : `${rel}/`, root: info.root, baseSha };
    } catch (error) {
      log().warn(`Changes since the base branch in ${folder.name}: ${String(error)}`);
      return { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
