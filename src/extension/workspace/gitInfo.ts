import * as vscode from 'vscode';
import { currentBranch, openRepo, type CurrentBranch } from '../../git';
import { headBranch } from '../../git';
import { log } from '../log';
import { getOrCreate } from '../../core/getOrCreate';
import { noteDetachedHead } from '../checklists/detachedHeads';

/** What git says about a workspace folder, or why it says nothing. */
export type FolderGit =
  | { kind: 'ok'; root: string; branch: CurrentBranch }
  | { kind: 'no-git' | 'not-a-repo' | 'untrusted' | 'virtual' | 'no-commits'; message: string };

/**
 * Git facts per workspace folder (repository root, current branch), asked lazily, cached, and
 * refreshed when HEAD moves. In an untrusted workspace git is never run: a repository's own config
 * can make git execute programs.
 */
export class GitInfo implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<FolderGit>>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor() {
    const head = vscode.workspace.createFileSystemWatcher('**/.git/HEAD');
    const reset = (): void => {
      this.cache.clear();
      this.changed.fire();
    };
    this.disposables.push(head, head.onDidChange(reset), head.onDidCreate(reset), head.onDidDelete(reset));
    this.disposables.push(vscode.workspace.onDidGrantWorkspaceTrust(reset), vscode.workspace.onDidChangeWorkspaceFolders(reset));
  }

  forFolder(folder: vscode.WorkspaceFolder): Promise<FolderGit> {
    return getOrCreate(this.cache, folder.uri.toString(), () => this.load(folder));
  }

  /** The branch name used to key per-branch state: the name, or the short SHA of a detached HEAD, or "(no git)". */
  async branchKey(folder: vscode.WorkspaceFolder): Promise<string> {
    const info = await this.forFolder(folder);
    // The full id of a detached HEAD, for checklist state stored under an older, longer key of it.
    noteDetachedHead(folder.uri.toString(), info.kind === 'ok' && info.branch.detached ? info.branch.sha : undefined);
    // Untrusted (git is not run) or no commit yet: the branch HEAD names, read without git, so
    // checklist state stays keyed as it is when git answers.
    if (info.kind === 'untrusted' || info.kind === 'no-commits') return (await headBranch(folder.uri.fsPath)) ?? '(no git)';
    if (info.kind !== 'ok') return '(no git)';
    // A detached HEAD is keyed by 7 hex digits, as headBranch reads it without git: git's own
    // short id can be longer, and the same checkout then showed other states once trusted.
    return info.branch.detached ? info.branch.sha.slice(0, 7) : info.branch.name;
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<FolderGit> {
    if (folder.uri.scheme !== 'file') return { kind: 'virtual', message: 'git needs files on disk; this folder is virtual' };
    if (!vscode.workspace.isTrusted) return { kind: 'untrusted', message: 'git is not run in an untrusted workspace' };
    try {
      const repo = await openRepo(folder.uri.fsPath);
      if (repo.kind === 'not-installed') return { kind: 'no-git', message: 'git is not installed (or not on PATH)' };
      if (repo.kind === 'not-a-repo') return { kind: 'not-a-repo', message: `${folder.name} is not in a git repository` };
      try {
        return { kind: 'ok', root: repo.root, branch: await currentBranch(repo.root) };
      } catch (error) {
        return { kind: 'no-commits', message: error instanceof Error ? error.message : String(error) };
      }
    } catch (error) {
      log().warn(`git: ${String(error)}`);
      return { kind: 'not-a-repo', message: String(error) };
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
