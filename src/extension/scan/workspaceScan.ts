import { lstat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { scanTree } from '../../core/scan';
import type { Finding } from '../../core/types';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { log } from '../log';
import { editorSettings, onDidChangeSettings } from '../settings';
import type { ProjectRegistry } from '../workspace/projects';
import { ScanFilter } from './scanFilter';

/** A finding and where it lives: the Shortcuts view, status bar and decorations all use these. */
export interface LocatedFinding {
  folder: vscode.WorkspaceFolder;
  uri: vscode.Uri;
  finding: Finding;
}

export type ScanState = 'idle' | 'scanning' | 'done' | 'cancelled' | 'off' | 'failed';

/** What the last full scan of a folder did, for the log and the measurements in the README. */
export interface ScanReport {
  folder: string;
  files: number;
  skipped: number;
  findings: number;
  ms: number;
}

interface FolderResults {
  folder: vscode.WorkspaceFolder;
  /** Workspace-relative path -> findings from disk. */
  byPath: Map<string, Finding[]>;
}

/** Changes arriving within this window are scanned together. */
const WATCH_DEBOUNCE_MS = 300;
/**
 * A folder is rescanned from scratch once its project (settings, config, constitution) has stopped
 * changing for this long. Settings changed one after another arrive as separate events, in VS Code
 * often most of a second apart (each is a write of settings.json): five of them cost five rescans
 * of the whole tree. Open editors are re-analysed at once; only the scan's files wait.
 */
export const FULL_RESCAN_SETTLE_MS = 1_500;

/** The full scan running now: what it covers and the folders it has not finished yet. */
interface FullRun {
  controller: AbortController;
  /** Folder keys not scanned yet (the one being scanned included). */
  remaining: Set<string>;
  /** Aborted because newer changes replace it: a rescan is queued, so it does not end as "cancelled". */
  superseded: boolean;
}

/**
 * The background scan of every workspace folder on disk, kept current by a file watcher, with the
 * analyzer's fresher results for open editors laid over it. The scan runs after startup (not in
 * `activate`), reads files asynchronously a few at a time, reports progress in the window and the
 * Shortcuts view, and can be cancelled; a rescan of a few changed files never rescans the tree.
 */
export class WorkspaceScan implements vscode.Disposable {
  private readonly results = new Map<string, FolderResults>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly stateChanged = new vscode.EventEmitter<ScanState>();
  private readonly fileChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.stateChanged, this.fileChanged];
  private controller: AbortController | undefined;
  private fullRun: FullRun | undefined;
  private running: Promise<void> = Promise.resolve();
  private pendingPaths = new Map<string, Set<string>>();
  private pendingFull = new Set<string>();
  /** Files changed on disk while open in an editor: rescanned once they are closed. */
  private readonly deferred = new Map<string, vscode.Uri>();
  private watchTimer: NodeJS.Timeout | undefined;
  private currentState: ScanState = 'idle';
  private scannedFiles = 0;
  readonly reports: ScanReport[] = [];

  /** Fires when the combined findings may have changed (scan results or an open editor's). */
  readonly onDidChange = this.changed.event;
  readonly onDidChangeState = this.stateChanged.event;
  /**
   * A file created, changed or deleted on disk, as the scan's watcher saw it: the one workspace-wide
   * watcher, shared with what caches per-file git answers (added lines, blame).
   */
  readonly onDidChangeFile = this.fileChanged.event;

  constructor(
    private readonly projects: ProjectRegistry,
    private readonly analyzer: DocumentAnalyzer,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    const onFile = (uri: vscode.Uri): void => {
      this.fileChanged.fire(uri);
      this.queue(uri);
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(onFile),
      watcher.onDidCreate(onFile),
      watcher.onDidDelete(onFile),
      analyzer.onDidChange((uri) => {
        // A deferred file whose editor result is gone (it was closed): its disk findings count again.
        const key = uri.toString();
        if (this.deferred.has(key) && !analyzer.peek(uri)) {
          this.deferred.delete(key);
          this.queue(uri);
        }
        this.changed.fire();
      }),
      projects.onDidChange((folder) => {
        // Config, constitution or settings changed: severities and principle links may differ.
        if (this.currentState === 'off' || this.currentState === 'idle') return;
        const keys = (folder ? [folder] : (vscode.workspace.workspaceFolders ?? [])).map((f) => f.uri.toString());
        for (const key of keys) this.pendingFull.add(key);
        this.supersede(keys);
        this.scheduleWatched();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) this.results.delete(removed.uri.toString());
        for (const added of event.added) this.pendingFull.add(added.uri.toString());
        this.changed.fire();
        this.scheduleWatched();
      }),
      onDidChangeSettings((event) => {
        if (event.affectsConfiguration('qaLens.scan.onStartup') && editorSettings().scanOnStartup && this.currentState === 'off') void this.scanAll();
      }),
    );
  }

  get state(): ScanState {
    return this.currentState;
  }

  /** Files analysed so far in the running scan (or the last one). */
  get progress(): number {
    return this.scannedFiles;
  }

  /** Starts the first scan unless the user switched it off. */
  startup(): void {
    if (!editorSettings().scanOnStartup) {
      this.setState('off');
      return;
    }
    void this.scanAll();
  }

  /** Scans every folder from scratch (a running scan is cancelled first); resolves when done. */
  scanAll(): Promise<void> {
    this.abortRunning();
    // A full scan covers whatever the watcher had queued.
    if (this.watchTimer) clearTimeout(this.watchTimer);
    this.watchTimer = undefined;
    this.pendingFull.clear();
    this.pendingPaths.clear();
    const controller = new AbortController();
    this.controller = controller;
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file');
    this.running = this.running.catch(() => undefined).then(() => this.runFull(folders, controller));
    return this.running;
  }

  cancel(): void {
    // Between a superseded scan and the rescan replacing it the scan still shows as running, so
    // Cancel must stop the rescan that is waiting too.
    const waiting = this.currentState === 'scanning' && this.pendingFull.size > 0 && (this.fullRun === undefined || this.fullRun.superseded);
    this.abortRunning();
    if (!waiting) return;
    this.pendingFull.clear();
    if (this.pendingPaths.size === 0 && this.watchTimer) {
      clearTimeout(this.watchTimer);
      this.watchTimer = undefined;
    }
    this.setState('cancelled');
  }

  private abortRunning(): void {
    this.controller?.abort(new vscode.CancellationError());
    this.controller = undefined;
  }

  /**
   * A full scan still to read one of these folders would read it with the project just replaced:
   * it stops now, and the folders it had not finished join the rescan that is queued, so the
   * newer settings cost one scan instead of the stale one plus another after it.
   */
  private supersede(folderKeys: readonly string[]): void {
    const run = this.fullRun;
    if (!run || run.controller.signal.aborted || !folderKeys.some((key) => run.remaining.has(key))) return;
    run.superseded = true;
    for (const key of run.remaining) this.pendingFull.add(key);
    run.controller.abort(new vscode.CancellationError());
    if (this.controller === run.controller) this.controller = undefined;
  }

  /** Resolves when no scan is running or queued (tests and the first-complete measurement). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const current = this.running;
      await current.catch(() => undefined);
      if (current === this.running && this.watchTimer === undefined) return;
      if (this.watchTimer !== undefined) await new Promise((resolve) => setTimeout(resolve, WATCH_DEBOUNCE_MS));
    }
  }

  /** Every finding in the workspace: the scan's, with open editors' fresher findings over them. */
  all(): LocatedFinding[] {
    const result: LocatedFinding[] = [];
    const open = new Map<string, { folder: vscode.WorkspaceFolder; uri: vscode.Uri; findings: Finding[] }>();
    for (const analysis of this.analyzer.all()) {
      const folder = vscode.workspace.getWorkspaceFolder(analysis.uri);
      if (folder) open.set(analysis.uri.toString(), { folder, uri: analysis.uri, findings: analysis.findings });
    }
    for (const { folder, byPath } of this.results.values()) {
      for (const [relPath, findings] of byPath) {
        const uri = vscode.Uri.joinPath(folder.uri, relPath);
        if (open.has(uri.toString())) continue;
        for (const finding of findings) result.push({ folder, uri, finding });
      }
    }
    for (const { folder, uri, findings } of open.values()) {
      for (const finding of findings) result.push({ folder, uri, finding });
    }
    return result;
  }

  /** The findings of one file (open editor first, else the scan's). */
  findingsFor(uri: vscode.Uri): Finding[] {
    const open = this.analyzer.peek(uri);
    if (open) return open.findings;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return [];
    const relPath = relativeTo(folder, uri);
    return this.results.get(folder.uri.toString())?.byPath.get(relPath) ?? [];
  }

  private setState(state: ScanState): void {
    this.currentState = state;
    this.stateChanged.fire(state);
  }

  private async runFull(folders: readonly vscode.WorkspaceFolder[], controller: AbortController): Promise<void> {
    if (folders.length === 0) {
      this.setState('done');
      return;
    }
    this.scannedFiles = 0;
    this.setState('scanning');
    const run: FullRun = { controller, remaining: new Set(folders.map((folder) => folder.uri.toString())), superseded: false };
    this.fullRun = run;
    const work = async (progress: vscode.Progress<{ message?: string }>): Promise<void> => {
      for (const folder of folders) {
        if (controller.signal.aborted) return;
        await this.scanFolder(folder, controller.signal, (scanned) => progress.report({ message: `${folder.name}: ${scanned} files` }));
        run.remaining.delete(folder.uri.toString());
      }
    };
    try {
      // The view shows a progress bar; the window shows a spinner with the count.
      await vscode.window.withProgress({ location: { viewId: 'qaLensShortcuts' } }, () =>
        vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'QA Lens scan' }, work),
      );
      if (this.controller === controller) this.controller = undefined;
      if (!run.superseded) this.setState(controller.signal.aborted ? 'cancelled' : 'done');
    } catch (error) {
      if (run.superseded) {
        // Still "scanning" as far as anyone can tell: the rescan that replaces it is queued.
        log().info('Workspace scan superseded by newer settings or team files');
        return;
      }
      if (controller.signal.aborted) {
        log().info('Workspace scan cancelled');
        this.setState('cancelled');
        return;
      }
      log().error(`Workspace scan failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      this.setState('failed');
    } finally {
      if (this.fullRun === run) this.fullRun = undefined;
    }
  }

  private async scanFolder(folder: vscode.WorkspaceFolder, signal: AbortSignal, onProgress: (scanned: number) => void): Promise<void> {
    const started = performance.now();
    const project = await this.projects.forFolder(folder);
    let lastReport = 0;
    const base = this.scannedFiles;
    const result = await scanTree({
      root: folder.uri.fsPath,
      config: project.config,
      settings: project.settings,
      now: new Date(),
      signal,
      onProgress: ({ scanned, skipped }) => {
        this.scannedFiles = base + scanned + skipped;
        // Progress messages are cheap but not free: a few per second is plenty.
        const now = performance.now();
        if (now - lastReport > 200) {
          lastReport = now;
          onProgress(scanned + skipped);
        }
      },
    });
    const byPath = new Map<string, Finding[]>();
    for (const finding of result.findings) {
      const list = byPath.get(finding.path);
      if (list) list.push(finding);
      else byPath.set(finding.path, [finding]);
    }
    this.results.set(folder.uri.toString(), { folder, byPath });
    const report: ScanReport = { folder: folder.name, files: result.files.length, skipped: result.skipped.length, findings: result.findings.length, ms: Math.round(performance.now() - started) };
    this.reports.push(report);
    log().info(`Scanned ${folder.name}: ${report.files} files (${report.skipped} skipped), ${report.findings} findings in ${report.ms} ms`);
    this.changed.fire();
  }

  /** A file changed on disk: rescan it (or the folder, when ignore rules changed) shortly. */
  private queue(uri: vscode.Uri): void {
    if (uri.scheme !== 'file' || this.currentState === 'off' || this.currentState === 'idle') return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const relPath = relativeTo(folder, uri);
    if (relPath === '' || relPath === '.git' || relPath.startsWith('.git/') || relPath.includes('/.git/')) return;
    const key = folder.uri.toString();
    const name = path.posix.basename(relPath);
    if (name === '.gitignore' || name === '.ignore') this.pendingFull.add(key);
    else if (this.analyzer.peek(uri)) {
      // Open in an editor: the analyzer's findings are what everyone is shown for it (see all()),
      // so reading and analysing it again on the extension host at every save (a stall for a
      // large file) would change nothing visible. Its disk findings are refreshed when it closes.
      this.deferred.set(uri.toString(), uri);
      return;
    } else {
      const set = this.pendingPaths.get(key) ?? new Set<string>();
      set.add(relPath);
      this.pendingPaths.set(key, set);
    }
    this.scheduleWatched();
  }

  private scheduleWatched(): void {
    if (this.watchTimer) clearTimeout(this.watchTimer);
    // Every change restarts the wait, so changes arriving close together are scanned together.
    const wait = this.pendingFull.size > 0 ? FULL_RESCAN_SETTLE_MS : WATCH_DEBOUNCE_MS;
    this.watchTimer = setTimeout(() => {
      this.watchTimer = undefined;
      const full = this.pendingFull;
      const paths = this.pendingPaths;
      this.pendingFull = new Set();
      this.pendingPaths = new Map();
      this.running = this.running.catch(() => undefined).then(() => this.rescan(full, paths));
    }, wait);
  }

  private async rescan(full: Set<string>, paths: Map<string, Set<string>>): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const controller = new AbortController();
    const fullFolders = folders.filter((folder) => full.has(folder.uri.toString()) && folder.uri.scheme === 'file');
    if (fullFolders.length > 0) {
      this.controller = controller;
      await this.runFull(fullFolders, controller);
    }
    for (const folder of folders) {
      const changedPaths = paths.get(folder.uri.toString());
      if (!changedPaths || full.has(folder.uri.toString())) continue;
      try {
        await this.rescanPaths(folder, [...changedPaths]);
      } catch (error) {
        log().warn(`Rescan of ${changedPaths.size} changed file(s) in ${folder.name} failed: ${String(error)}`);
      }
    }
    this.changed.fire();
  }

  private async rescanPaths(folder: vscode.WorkspaceFolder, relPaths: string[]): Promise<void> {
    const entry = this.results.get(folder.uri.toString());
    if (!entry) return;
    const project = await this.projects.forFolder(folder);
    const filter = await ScanFilter.create(folder.uri.fsPath, project.config.exclude ?? []);
    const toScan: string[] = [];
    for (const relPath of relPaths) {
      // Drop what was there (the file, or everything under a folder), then scan what still is.
      entry.byPath.delete(relPath);
      const prefix = `${relPath}/`;
      for (const known of [...entry.byPath.keys()]) if (known.startsWith(prefix)) entry.byPath.delete(known);
      if (await filter.includes(relPath)) toScan.push(relPath);
    }
    const existing = await pathsTheWalkReaches(folder.uri.fsPath, toScan);
    if (existing.length === 0) return;
    const result = await scanTree({ root: folder.uri.fsPath, paths: existing, config: project.config, settings: project.settings, now: new Date() });
    // A file's findings share its path: ask the filter once per file, not once per finding.
    const included = new Map<string, boolean>();
    for (const finding of result.findings) {
      let keep = included.get(finding.path);
      if (keep === undefined) {
        keep = await filter.includes(finding.path);
        included.set(finding.path, keep);
      }
      if (!keep) continue;
      const list = entry.byPath.get(finding.path);
      if (list) list.push(finding);
      else entry.byPath.set(finding.path, [finding]);
    }
  }

  dispose(): void {
    this.abortRunning();
    if (this.watchTimer) clearTimeout(this.watchTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path === folder.uri.path ? '' : uri.path;
}

/**
 * The changed paths the full scan's walk would reach: those that exist and are neither a symbolic
 * link nor under one. The walk does not follow links met inside the folder (their targets are
 * scanned under their own paths), but a path handed to the scan by name is followed, as the CLI
 * follows a link the user names: a new link would otherwise report its target a second time.
 */
async function pathsTheWalkReaches(root: string, relPaths: string[]): Promise<string[]> {
  const result: string[] = [];
  for (const relPath of relPaths) {
    if (await reachedWithoutLinks(root, relPath.split('/').filter((segment) => segment !== ''))) result.push(relPath);
  }
  return result;
}

async function reachedWithoutLinks(root: string, segments: string[]): Promise<boolean> {
  for (let depth = 1; depth <= segments.length; depth++) {
    try {
      if ((await lstat(path.join(root, ...segments.slice(0, depth)))).isSymbolicLink()) return false;
    } catch {
      // Deleted (or gone again) before we got to it: its findings were dropped already.
      return false;
    }
  }
  return true;
}
