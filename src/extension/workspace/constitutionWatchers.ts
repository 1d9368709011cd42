import * as path from 'node:path';
import * as vscode from 'vscode';
import { isRelativeInside } from '../../core/insideRoot';
import { watchPath } from './pathWatcher';

/**
 * One file watcher per workspace folder on the constitution path it configures
 * (`qaLens.constitution.path` or the config's `constitution`), so that the file changing on disk
 * (a checkout, a pull, another editor) reloads the folder's project as a save in VS Code does.
 * The team-file watchers (`.quality/`, `CONSTITUTION.md` in the folder) see only the usual names.
 * The watcher follows the path: it is replaced when a reload finds another one, and it watches
 * the file's folder for the name (or the nearest existing folder above it, while that folder does
 * not exist yet), so a deleted file coming back, or arriving with its folder, is seen too.
 */
export class ConstitutionWatchers implements vscode.Disposable {
  private readonly watchers = new Map<string, { file: string; disposable: vscode.Disposable }>();
  /** A project load finishing after the window closed must not start a watcher nobody disposes. */
  private disposed = false;

  constructor(private readonly onChange: (folder: vscode.WorkspaceFolder) => void) {}

  /**
   * Watches `file` (absolute) for `folder`, instead of what it watched before; undefined, or a
   * path the team-file watchers already see, stops watching.
   */
  watch(folder: vscode.WorkspaceFolder, file: string | undefined): void {
    const key = folder.uri.toString();
    const wanted = file !== undefined && folder.uri.scheme === 'file' && !seenByTeamWatchers(folder, file) ? file : undefined;
    const current = this.watchers.get(key);
    if (this.disposed || current?.file === wanted) return;
    current?.disposable.dispose();
    this.watchers.delete(key);
    if (wanted === undefined) return;
    const disposable = watchPath(wanted, () => this.onChange(folder));
    this.watchers.set(key, { file: wanted, disposable });
  }

  /** The folder left the workspace. */
  forget(folder: vscode.WorkspaceFolder): void {
    this.watch(folder, undefined);
  }

  dispose(): void {
    this.disposed = true;
    for (const { disposable } of this.watchers.values()) disposable.dispose();
    this.watchers.clear();
  }
}

/**
 * Whether the registry's own watchers (`**\/.quality/**` less reviews and templates,
 * `**\/CONSTITUTION.md`; see projects.ts) already reload `folder` when `file` changes: only for
 * files inside that folder (a watcher event names the folder holding the file, which for a
 * `../CONSTITUTION.md` is none or another folder).
 */
function seenByTeamWatchers(folder: vscode.WorkspaceFolder, file: string): boolean {
  const rel = path.relative(folder.uri.fsPath, file);
  if (rel === '' || !isRelativeInside(rel)) return false;
  const segments = rel.split(path.sep);
  if (segments[segments.length - 1] === 'CONSTITUTION.md') return true;
  const quality = segments.indexOf('.quality');
  return quality >= 0 && quality < segments.length - 1 && !['reviews', 'templates'].includes(segments[quality + 1] ?? '');
}
