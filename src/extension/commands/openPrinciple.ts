import * as vscode from 'vscode';
import { principleById, type Constitution } from '../../core/constitution';
import type { ProjectRegistry } from '../workspace/projects';
import { constitutionUri } from '../workspace/constitutionUri';

interface OpenPrincipleArgs {
  principleId?: string;
  /** A document of the workspace folder whose constitution to use (default: the active editor's). */
  uri?: string;
}

/**
 * QA Lens: Open Principle: the constitution at the principle's heading (the team's file, or the
 * read-only bundled default). Args {principleId, uri}; without a principle id it asks.
 * Resolves to the URI opened, or undefined.
 */
export function registerOpenPrinciple(context: vscode.ExtensionContext, projects: ProjectRegistry): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.openPrinciple', async (raw?: OpenPrincipleArgs): Promise<vscode.Uri | undefined> => {
      const constitution = await constitutionFor(projects, raw?.uri);
      if (!constitution) {
        void vscode.window.showInformationMessage('QA Lens: open a file of a workspace folder to see its principles.');
        return undefined;
      }
      const id = raw?.principleId ?? (await pickPrinciple(constitution));
      if (!id) return undefined;
      const principle = principleById(constitution, id);
      if (!principle) {
        void vscode.window.showErrorMessage(`QA Lens: the constitution has no principle ${id}.`);
        return undefined;
      }
      const uri = constitutionUri(constitution);
      const line = Math.max(0, principle.line - 1);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, {
        selection: new vscode.Range(line, 0, line, 0),
        preview: true,
        viewColumn: vscode.ViewColumn.Beside,
      });
      return uri;
    }),
  );
}

async function constitutionFor(projects: ProjectRegistry, uri: string | undefined): Promise<Constitution | undefined> {
  const target = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri;
  const folder = (target && vscode.workspace.getWorkspaceFolder(target)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  return (await projects.forFolder(folder)).constitution;
}

async function pickPrinciple(constitution: Constitution): Promise<string | undefined> {
  const items = constitution.principles
    .filter((principle) => principle.status === 'active')
    .map((principle) => ({ label: principle.id, description: principle.title, detail: principle.howToCheck ?? undefined }));
  return (await vscode.window.showQuickPick(items, { title: 'Open a principle', matchOnDescription: true }))?.label;
}
