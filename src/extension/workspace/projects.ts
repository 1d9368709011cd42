import * as path from 'node:path';
import * as vscode from 'vscode';
import { BUNDLED, parseConstitution } from '../../core/constitution';
import { loadProject, type Project } from '../../core/project';
import { log } from '../log';
import { affectsDetection, editorSettings, explicitConfigOverlay, mergeConfig, onDidChangeSettings } from '../settings';
import { getOrCreate } from '../../core/getOrCreate';
import { ConstitutionWatchers } from './constitutionWatchers';
import { FolderProblems } from './folderProblems';
import { isWorkspaceFolder } from './folders';
import { SettingsProblemReporter } from './settingsProblems';

/** Files whose change means a folder's project must be reloaded (filtered to workspace folders by VS Code). */
const WATCHED = ['**/.quality/**', '**/CONSTITUTION.md'];

/**
 * One `Project` (config, engine settings, constitution, checklists) per workspace folder, loaded
 * lazily, cached, and reloaded when the team's files, the settings or the workspace trust change.
 * Multi-root workspaces get one per folder, each with its own `.quality/`.
 */
export class ProjectRegistry implements vscode.Disposable {
  private readonly projects = new Map<string, Promise<Project>>();
  private readonly changed = new vscode.EventEmitter<vscode.WorkspaceFolder | undefined>();
  /** Problems in the team's files, as diagnostics on those files at their line. */
  private readonly problems = new FolderProblems('qa-lens-files');
  private readonly settingsProblems = new SettingsProblemReporter();
  /** Watches each folder's configured constitution path, which the globs above may not cover. */
  private readonly constitutionWatchers = new ConstitutionWatchers((folder) => this.invalidate(folder));
  /** Per document: the pending check of an edited constitution (debounced). */
  private readonly unsavedChecks = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.problems];

  /** Fires with the folder whose project changed, or undefined when all may have. */
  readonly onDidChange = this.changed.event;

  constructor() {
    const onFile = (uri: vscode.Uri): void => {
      // Reviews and review templates live under .quality/ too, but they do not change what the
      // engine knows: reloading would rescan the workspace at every save of a template.
      if (/\/\.quality\/(reviews|templates)\//.test(uri.path)) return;
      this.invalidate(vscode.workspace.getWorkspaceFolder(uri));
    };
    for (const glob of WATCHED) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      this.disposables.push(watcher, watcher.onDidChange(onFile), watcher.onDidCreate(onFile), watcher.onDidDelete(onFile));
    }
    this.disposables.push(
      // A constitution configured at another path: saved in VS Code or written by anything else.
      this.constitutionWatchers,
      onDidChangeSettings((event) => {
        // A folder's own setting (a multi-root folder's settings.json) reloads that folder alone.
        const folders = vscode.workspace.workspaceFolders ?? [];
        const affected = folders.filter((folder) => affectsDetection(event, folder));
        if (affected.length === folders.length) {
          if (affectsDetection(event)) this.invalidate(undefined);
        } else {
          for (const folder of affected) this.invalidate(folder);
        }
      }),
      // The constitution's problems follow its text as it is typed, as a language's do; saved,
      // reverted or closed, they are the file's again (the reload after a save publishes them).
      // Typing is debounced as the analysis of a document is (qaLens.analysis.debounceMs): the
      // constitution is parsed once the user pauses, not on each keystroke.
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleUnsavedCheck(event.document)),
      vscode.workspace.onDidSaveTextDocument((document) => this.checkUnsavedNow(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.checkUnsavedNow(document, true)),
      { dispose: () => this.unsavedChecks.forEach((timer) => clearTimeout(timer)) },
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate(undefined)),
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        // A removed folder's problems would otherwise stay in the Problems panel for good.
        for (const removed of event.removed) {
          this.problems.forget(removed);
          this.settingsProblems.forget(removed);
          this.constitutionWatchers.forget(removed);
        }
        this.invalidate(undefined);
      }),
    );
  }

  /** What is wrong with the detection settings as last loaded (each message names its setting). */
  settingProblems(): string[] {
    return this.settingsProblems.messages();
  }

  /** The project of the folder holding `uri`, or undefined outside any workspace folder. */
  forUri(uri: vscode.Uri): Promise<Project> | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.forFolder(folder) : undefined;
  }

  forFolder(folder: vscode.WorkspaceFolder): Promise<Project> {
    const key = folder.uri.toString();
    return getOrCreate(this.projects, key, () => {
      // A load overtaken by a newer one (settings changed meanwhile) or by the folder's removal
      // must not publish its problems over the newer ones, or bring back the ones just fixed.
      const loading: Promise<Project> = this.load(folder, () => this.projects.get(key) === loading && isWorkspaceFolder(key));
      return loading;
    });
  }

  /** Drops cached projects (one folder, or all) and tells listeners. */
  invalidate(folder: vscode.WorkspaceFolder | undefined): void {
    if (folder) this.projects.delete(folder.uri.toString());
    else this.projects.clear();
    this.changed.fire(folder);
  }

  private scheduleUnsavedCheck(document: vscode.TextDocument): void {
    if (document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    clearTimeout(this.unsavedChecks.get(key));
    this.unsavedChecks.set(
      key,
      setTimeout(() => {
        this.unsavedChecks.delete(key);
        void this.checkUnsavedConstitution(document);
      }, editorSettings().debounceMs),
    );
  }

  private checkUnsavedNow(document: vscode.TextDocument, closed = false): void {
    const key = document.uri.toString();
    clearTimeout(this.unsavedChecks.get(key));
    this.unsavedChecks.delete(key);
    void this.checkUnsavedConstitution(document, closed);
  }

  /** Publishes the problems of a folder's constitution as edited, when `document` is that constitution. */
  private async checkUnsavedConstitution(document: vscode.TextDocument, closed = false): Promise<void> {
    if (document.uri.scheme !== 'file') return;
    const file = document.uri.fsPath;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const loading = this.projects.get(folder.uri.toString());
      if (!loading) continue;
      let project: Project;
      try {
        project = await loading;
      } catch {
        continue; // a failed load reports itself
      }
      const { constitution } = project;
      if (constitution.source === BUNDLED || constitution.file !== file) continue;
      const edited = document.isDirty && !closed && !document.isClosed;
      const problems = edited ? parseConstitution(document.getText(), { path: file, source: constitution.source, file }).problems : undefined;
      this.problems.showUnsaved(folder, document.uri, problems?.filter((problem) => problem.path === file));
    }
  }

  private async load(folder: vscode.WorkspaceFolder, isCurrent: () => boolean): Promise<Project> {
    const started = Date.now();
    const settings = explicitConfigOverlay(folder);
    const project = await loadProject(folder.uri.fsPath, {
      overlay: (team) => mergeConfig(team, settings.overlay),
      trusted: vscode.workspace.isTrusted,
    });
    if (isCurrent()) {
      this.problems.publish(folder, project.problems);
      this.settingsProblems.report(folder, settings.problems);
      // Watched whether it exists or not: a missing file that appears must be read too.
      const configured = project.config.constitution?.trim() ? path.resolve(folder.uri.fsPath, project.config.constitution) : undefined;
      this.constitutionWatchers.watch(folder, configured);
    }
    log().info(`Loaded ${folder.name}: constitution ${project.constitution.source}, ${project.checklists.length} checklists, ${project.problems.length} problems (${Date.now() - started} ms)`);
    return project;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
