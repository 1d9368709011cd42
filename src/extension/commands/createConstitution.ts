import * as vscode from 'vscode';
import { writeDefaults, type InitEntry } from '../../core/init';
import { log } from '../log';
import type { Sidebar } from '../views/sidebar';

/**
 * QA Lens: Create Constitution. Writes the bundled defaults into `.quality/` exactly as
 * `qa-lens init` does (the same code: src/core/init.ts), never overwriting, then opens the new
 * constitution. Resolves with what was written and skipped.
 */
export function registerCreateConstitution(context: vscode.ExtensionContext, sidebar: Sidebar): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.createConstitution', async (target?: unknown): Promise<InitEntry[] | undefined> => {
      const folder = await pickFolder(target);
      if (!folder) return undefined;
      if (folder.uri.scheme !== 'file') {
        void vscode.window.showWarningMessage('QA Lens can create a constitution only in a folder on disk.');
        return undefined;
      }
      let entries: InitEntry[];
      try {
        entries = await writeDefaults(folder.uri.fsPath);
      } catch (error) {
        void vscode.window.showErrorMessage(`QA Lens could not create the constitution: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
      for (const entry of entries) log().info(`Create Constitution: ${entry.outcome} ${entry.target}${entry.reason ? ` (${entry.reason})` : ''}`);
      sidebar.projects.invalidate(folder);
      await Promise.all([sidebar.constitution.refresh(), sidebar.checklist.refresh()]);
      const wrote = entries.filter((entry) => entry.outcome === 'wrote').length;
      const constitution = entries.find((entry) => entry.target === '.quality/constitution.md');
      if (constitution?.outcome === 'wrote') {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, '.quality', 'constitution.md'), { preview: false });
      }
      void vscode.window.showInformationMessage(
        wrote > 0
          ? `QA Lens wrote ${wrote} file${wrote === 1 ? '' : 's'} into .quality/ of ${folder.name}. Read them with your team, make them yours, and commit them.`
          : `Nothing to write in ${folder.name}: ${constitution?.reason ?? 'every file already exists'}.`,
      );
      return entries;
    }),
  );
}

async function pickFolder(target: unknown): Promise<vscode.WorkspaceFolder | undefined> {
  if (target instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(target);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Create the constitution in which folder?' });
}
