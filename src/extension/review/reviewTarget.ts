import * as vscode from 'vscode';

/** What `qaLens.startReview` can be told instead of asking (tests, keybindings, other extensions). */
export interface StartReviewOptions {
  /** The template id (`architecture`, `.quality/templates/<id>.md`, `github-pr`); else a quick pick. */
  templateId?: string;
  /** The base ref; else `reviews.base` (config or setting), the remote's default, main/master, else a quick pick. */
  base?: string;
  /** When a review of this branch and template exists: true continues it, false starts another; else a quick pick. */
  continueExisting?: boolean;
  /** The workspace folder (its URI as a string, or a Uri); else the active editor's, the only one, or a pick. */
  folder?: string | vscode.Uri;
}

export interface ReviewTarget {
  folder: vscode.WorkspaceFolder | undefined;
  options: StartReviewOptions;
}

/**
 * The command is started from the palette (no argument), the Source Control title (the
 * `SourceControl`, whose `rootUri` names the repository), the sidebar title (no argument), an
 * Explorer or editor context (a Uri) or code (StartReviewOptions).
 */
export async function reviewTarget(arg: unknown): Promise<ReviewTarget> {
  const options = isOptions(arg) ? arg : {};
  const uri = arg instanceof vscode.Uri ? arg : rootUriOf(arg) ?? folderUri(options.folder);
  if (uri) return { folder: vscode.workspace.getWorkspaceFolder(uri), options };
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  if (folders.length <= 1 || activeFolder) return { folder: activeFolder ?? folders[0], options };
  return { folder: await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Start a peer review of which folder?' }), options };
}

function isOptions(arg: unknown): arg is StartReviewOptions {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return false;
  const o = arg as Record<string, unknown>;
  return ['templateId', 'base', 'continueExisting', 'folder'].some((key) => key in o);
}

function rootUriOf(arg: unknown): vscode.Uri | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const root = (arg as { rootUri?: unknown }).rootUri;
  return root instanceof vscode.Uri ? root : undefined;
}

function folderUri(folder: string | vscode.Uri | undefined): vscode.Uri | undefined {
  if (folder === undefined) return undefined;
  return typeof folder === 'string' ? vscode.Uri.parse(folder) : folder;
}
