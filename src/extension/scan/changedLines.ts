import * as path from 'node:path';
import * as vscode from 'vscode';
import { addedLines, defaultBaseBranch, type AddedLines } from '../../git';
import { log } from '../log';
import type { GitInfo } from '../workspace/gitInfo';
import type { ProjectRegistry } from '../workspace/projects';
import type { LocatedFinding } from './workspaceScan';
import { getOrCreate } from '../../core/getOrCreate';

/** The lines added in one folder since its base branch, or why they are unknown. */
export type FolderChanges =
  | { kind: 'ok'; base: string; lines: AddedLines; prefix: string }
  | { kind: 'unavailable'; message: string };

/**
 * "Only my changes since the base branch": the lines this branch added (committed, staged, not yet
 * staged, and untracked files) compared with the base branch, per folder. Asked lazily (only while
 * the filter is on), cached, and forgotten when files or HEAD change.
 */
export class ChangedLines implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<FolderChanges>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly git: GitInfo,
    private readonly projects: ProjectRegistry,
    filesChanged: vscode.Event<vscode.Uri>,
  ) {
    const forget = (): void => this.cache.clear();
    this.disposables.push(
      // Any file written, created or deleted may add or remove lines (a new file is all added
      // lines): without this, shortcuts written after the filter was turned on never showed up.
      filesChanged(forget),
      git.onDidChange(forget),
      projects.onDidChange(forget),
    );
  }

  /** Files changed: the added lines must be asked again the next time they are needed. */
  invalidate(): void {
    this.cache.clear();
  }

  forFolder(folder: vscode.WorkspaceFolder): Promise<FolderChanges> {
    return getOrCreate(this.cache, folder.uri.toString(), () => this.load(folder));
  }

  /** A predicate for the filter: whether a finding's line was added since its folder's base. */
  async predicate(findings: readonly LocatedFinding[]): Promise<(item: LocatedFinding) => boolean> {
    const folders = new Map<string, FolderChanges>();
    for (const item of findings) {
      const key = item.folder.uri.toString();
      if (!folders.has(key)) folders.set(key, await this.forFolder(item.folder));
    }
    return (item) => {
      const changes = folders.get(item.folder.uri.toString());
      if (!changes || changes.kind !== 'ok') return false;
      const lines = changes.lines.get(changes.prefix + item.finding.path);
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
      const lines = await addedLines(info.root, base.ref, { includeWorkingTree: true });
      // addedLines is keyed by repository-relative path; findings are folder-relative.
      const rel = path.relative(info.root, folder.uri.fsPath).split(path.sep).join('/');
      return { kind: 'ok', base: base.ref, lines, prefix: rel === '' ? '' : `${rel}/` };
    } catch (error) {
      log().warn(`Changes since the base branch in ${folder.name}: ${String(error)}`);
      return { kind: 'unavailable', message: error instanceof Error ? error.message : String(error) };
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
