import * as vscode from 'vscode';
import { checklistById } from '../../core/checklists';
import type { Sidebar } from '../views/sidebar';

/** What the file-top CodeLens passes. */
export interface ShowChecklistArgs {
  checklistId?: string;
  uri?: vscode.Uri | string;
}

/**
 * QA Lens: Show Checklist. Reveals the Checklist view for a file (default: the active one) and
 * selects the checklist asked for, showing it even when its globs do not match that file.
 */
export function registerShowChecklist(context: vscode.ExtensionContext, sidebar: Sidebar): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.showChecklist', async (args?: ShowChecklistArgs) => {
      const uri = typeof args?.uri === 'string' ? vscode.Uri.parse(args.uri) : (args?.uri ?? sidebar.activeFile.uri);
      if (uri) sidebar.activeFile.set(uri);
      let checklistId = args?.checklistId;
      const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
      if (folder && !checklistId) {
        // From the palette: offer every checklist, those that apply first.
        await sidebar.checklist.refresh();
        const applying = new Set(sidebar.checklist.checklists.map((node) => node.checklist.id));
        const project = await sidebar.projects.forFolder(folder);
        const picked = await vscode.window.showQuickPick(
          [...project.checklists].sort((a, b) => Number(applying.has(b.id)) - Number(applying.has(a.id))).map((c) => ({ label: c.title, description: applying.has(c.id) ? `${c.id} · applies` : c.id, id: c.id })),
          { title: 'Show Checklist', placeHolder: 'Which checklist?' },
        );
        checklistId = picked?.id;
      }
      if (uri && folder && checklistId) {
        const project = await sidebar.projects.forFolder(folder);
        if (checklistById(project.checklists, checklistId)) sidebar.checklist.pin(uri, checklistId);
      }
      await sidebar.checklist.refresh();
      const node = sidebar.checklist.checklists.find((candidate) => candidate.checklist.id === checklistId) ?? sidebar.checklist.checklists[0];
      if (node) await sidebar.views.checklist.reveal(node, { select: true, focus: true, expand: true });
      else await vscode.commands.executeCommand('qaLensChecklist.focus');
      return node?.checklist.id;
    }),
  );
}
