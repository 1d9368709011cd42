import * as vscode from 'vscode';

/**
 * Whether the folder with this URI (as a string) is still in the window: work that finishes after
 * its folder left the workspace must not publish anything for it.
 */
export function isWorkspaceFolder(key: string): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => folder.uri.toString() === key);
}
