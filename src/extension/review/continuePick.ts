import * as vscode from 'vscode';
import { basename } from 'node:path';

export type ExistingReviewChoice = 'continue' | 'new';

/**
 * A review of this branch with this template exists: continue it (the default: nothing typed in it
 * is touched) or start another one next to it. Undefined when dismissed.
 */
export async function pickContinueOrNew(existing: string): Promise<ExistingReviewChoice | undefined> {
  const items: (vscode.QuickPickItem & { choice: ExistingReviewChoice })[] = [
    { label: '$(edit) Continue the existing review', description: basename(existing), detail: 'Opens it as it is: nothing you typed is changed.', choice: 'continue' },
    { label: '$(new-file) Start another review', detail: 'Writes a new file next to it and keeps the existing one.', choice: 'new' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Start Peer Review', placeHolder: `A review of this branch with this template exists: ${basename(existing)}` });
  return picked?.choice;
}
