import * as vscode from 'vscode';
import { log } from '../log';
import { relativeTo } from '../scan/workspaceScan';
import type { ChecklistStateService } from './checklistState';
import { OutsideRenames } from './outsideRenames';

/**
 * Checklist state is kept per file path: when a file or folder is renamed or moved in VS Code
 * (Explorer, F2, a refactoring), its recorded states move with it. Otherwise everything the user
 * ticked, and every reason written, would stay behind under a path that no longer exists.
 * Renamed outside VS Code (`mv`, `git mv` in a terminal), a file is followed by its content and its
 * states are copied, not moved (see outsideRenames.ts).
 */
export function followRenames(states: ChecklistStateService, branchOf: (folder: vscode.WorkspaceFolder) => Promise<string>): vscode.Disposable {
  // Renames made outside VS Code are only a delete and a create: followed by content.
  const outside = new OutsideRenames(states, branchOf);
  states.outsideRenames = outside;
  const inside = vscode.workspace.onDidRenameFiles(async (event) => {
    for (const { oldUri, newUri } of event.files) {
      const fromFolder = vscode.workspace.getWorkspaceFolder(oldUri);
      const toFolder = vscode.workspace.getWorkspaceFolder(newUri);
      if (!fromFolder || !toFolder) continue;
      try {
        const [fromBranch, toBranch] = await Promise.all([branchOf(fromFolder), branchOf(toFolder)]);
        const from = { folder: fromFolder.uri.toString(), branch: fromBranch, path: relativeTo(fromFolder, oldUri) };
        const to = { folder: toFolder.uri.toString(), branch: toBranch, path: relativeTo(toFolder, newUri) };
        const moved = await states.move(from, to);
        if (moved > 0) log().info(`Checklist state: ${moved} item state(s) moved from ${from.path} to ${to.path} (${toBranch}).`);
      } catch (error) {
        log().error(`Checklist state: could not follow the rename of ${oldUri.toString()}: ${String(error)}`);
      }
    }
  });
  return vscode.Disposable.from(inside, outside);
}
