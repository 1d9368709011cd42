import * as vscode from 'vscode';
import type { Project } from '../../core/project';
import type { ProjectRegistry } from '../workspace/projects';

/**
 * Restricted Mode (an untrusted workspace): the built-in rules run, but the patterns a repository
 * or settings supply (phrases, ticket patterns) are not, and git is not called. The user is told
 * where they look: a file-top CodeLens, a line in each hover, and once per session a message when
 * the workspace does have patterns that are being skipped.
 */
export const RESTRICTED_NOTE =
  'Restricted Mode: QA Lens runs its built-in rules only. Patterns from `.quality/config.json` and settings, and git (ages), wait until you trust this workspace.';

export function isRestricted(): boolean {
  return !vscode.workspace.isTrusted;
}

/** The file-top lens saying so, or undefined in a trusted workspace. */
export function restrictedModeLens(range: vscode.Range): vscode.CodeLens | undefined {
  if (!isRestricted()) return undefined;
  return new vscode.CodeLens(range, {
    title: '$(shield) Restricted Mode: built-in rules only',
    tooltip: RESTRICTED_NOTE.replace(/`/g, ''),
    command: 'workbench.trust.manage',
  });
}

function hasUserPatterns(project: Project): boolean {
  const phrases = Object.values(project.config.phrases ?? {}).some((list) => (list?.length ?? 0) > 0);
  return phrases || (project.config.ticketPatterns?.length ?? 0) > 0;
}

/** Shows the one-time message when a loaded project has patterns that Restricted Mode skips. */
export function registerRestrictedModeNotice(context: vscode.ExtensionContext, projects: ProjectRegistry): void {
  let shown = false;
  const check = async (): Promise<void> => {
    if (shown || !isRestricted()) return;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const project = await projects.forFolder(folder);
      if (shown || !hasUserPatterns(project)) continue;
      shown = true;
      const manage = 'Manage Workspace Trust';
      const answer = await vscode.window.showInformationMessage(
        `QA Lens: ${folder.name} has its own detection patterns, which are not run in Restricted Mode. The built-in rules still work.`,
        manage,
      );
      if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
      return;
    }
  };
  context.subscriptions.push(projects.onDidChange(() => void check()));
  void check();
}
