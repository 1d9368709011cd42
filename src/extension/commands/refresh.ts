import * as vscode from 'vscode';
import type { Sidebar } from '../views/sidebar';

/** QA Lens: Refresh. Rescans the workspace and reloads the team's files; resolves when done. */
export function registerRefresh(context: vscode.ExtensionContext, sidebar: Sidebar): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.refresh', async () => {
      sidebar.projects.invalidate(undefined);
      await sidebar.scan.scanAll();
      await Promise.all([sidebar.shortcuts.settled(), sidebar.constitution.refresh(), sidebar.checklist.refresh()]);
    }),
  );
}
