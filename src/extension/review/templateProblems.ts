import * as vscode from 'vscode';
import { loadTemplateCatalog, repositoryTemplateProblems, type TemplateCatalog } from '../../core/review';
import { log } from '../log';
import { FolderProblems } from '../workspace/folderProblems';
import { isWorkspaceFolder } from '../workspace/folders';
import type { ProjectRegistry } from '../workspace/projects';

/** Template saves arriving within this window (a save-all, a branch switch) are read once. */
const DEBOUNCE_MS = 300;

/**
 * Mistakes in the repository's review templates (`.quality/templates/*.md`: placeholders nothing
 * fills, malformed tags, an unclosed front matter, principles or checklists the repository does not
 * have), on those files in the Problems panel. Published when the window opens, when a review
 * starts and again whenever a template is created, changed or deleted, so a fixed template loses
 * its warnings at once; and when a folder's constitution or checklists change, which can make a
 * reference right or wrong.
 */
export class TemplateProblems implements vscode.Disposable {
  private readonly problems = new FolderProblems('qa-lens-templates');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per folder, the latest refresh: an older one finishing late must not publish over it. */
  private readonly latest = new Map<string, number>();
  /** Folders with templates of their own, the ones a project change is worth a re-read for. */
  private readonly withTemplates = new Set<string>();
  private sequence = 0;
  private readonly disposables: vscode.Disposable[] = [this.problems];

  constructor(private readonly projects: ProjectRegistry) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/.quality/templates/**');
    const onFile = (uri: vscode.Uri): void => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) this.schedule(folder);
    };
    this.disposables.push(
      watcher,
      watcher.onDidCreate(onFile),
      watcher.onDidChange(onFile),
      watcher.onDidDelete(onFile),
      projects.onDidChange((folder) => {
        for (const f of folder ? [folder] : (vscode.workspace.workspaceFolders ?? [])) {
          if (this.withTemplates.has(f.uri.toString())) this.schedule(f);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) this.forget(removed);
        for (const added of event.added) void this.readIfAny(added);
      }),
    );
    // A template broken before the window opened is shown too, not only once it is saved again.
    for (const folder of vscode.workspace.workspaceFolders ?? []) void this.readIfAny(folder);
  }

  /** Schedules a read of the folder's templates when it has a `.quality/templates/` folder. */
  private async readIfAny(folder: vscode.WorkspaceFolder): Promise<void> {
    if (folder.uri.scheme !== 'file') return;
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.quality', 'templates'));
      if (stat.type & vscode.FileType.Directory) this.schedule(folder);
    } catch {
      // No templates folder: nothing to check (the watcher sees one created later).
    }
  }

  /** Reads the folder's templates, publishes their problems and returns the catalog. */
  async refresh(folder: vscode.WorkspaceFolder): Promise<TemplateCatalog> {
    const key = folder.uri.toString();
    const mine = ++this.sequence;
    this.latest.set(key, mine);
    const root = folder.uri.fsPath;
    const [project, catalog] = await Promise.all([this.projects.forFolder(folder), loadTemplateCatalog({ root })]);
    const known = { principles: project.constitution.principles.map((p) => p.id), checklists: project.checklists.map((c) => c.id) };
    const problems = repositoryTemplateProblems(catalog, root, known);
    if (this.latest.get(key) === mine && isWorkspaceFolder(key)) {
      if (catalog.templates.some((t) => t.source === 'repository') || problems.length > 0) this.withTemplates.add(key);
      else this.withTemplates.delete(key);
      this.problems.publish(folder, problems);
    }
    return catalog;
  }

  private schedule(folder: vscode.WorkspaceFolder): void {
    if (folder.uri.scheme !== 'file') return;
    const key = folder.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.refresh(folder).catch((error: unknown) => log().warn(`Review templates of ${folder.name}: ${error instanceof Error ? error.message : String(error)}`));
    }, DEBOUNCE_MS));
  }

  private forget(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.latest.delete(key);
    this.withTemplates.delete(key);
    this.problems.forget(folder);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
