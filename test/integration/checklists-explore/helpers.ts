// Helpers of the checklists-explore suite (bundled into each test file).
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import type { ChecklistNode } from '../../../src/extension/views/checklistView';
import { activeExtension, waitFor } from '../shared/extension';

export interface Env {
  api: QaLensApi;
  root: vscode.Uri;
}

export async function env(): Promise<Env> {
  const extension = await activeExtension();
  return { api: extension.exports as QaLensApi, root: vscode.workspace.workspaceFolders![0].uri };
}

export function file(root: vscode.Uri, rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...rel.split('/'));
}

/** Opens a workspace file and waits until the Checklist view follows it. */
export async function open({ api, root }: Env, rel: string): Promise<void> {
  await vscode.window.showTextDocument(file(root, rel), { preview: false });
  await waitFor(`the sidebar to follow ${rel}`, () => api.sidebar.activeFile.uri?.toString() === file(root, rel).toString());
}

/** The checklists the Checklist view shows now. */
export async function shown({ api }: Env): Promise<readonly ChecklistNode[]> {
  await api.sidebar.checklist.refresh();
  return api.sidebar.checklist.checklists;
}

/** `ID=status[:reason]` per item of a shown checklist. */
export function statuses(node: ChecklistNode | undefined): string[] {
  return (node?.children ?? []).map((c) => `${c.item.id}=${c.state.status}${c.state.reason ? `:${c.state.reason}` : ''}`);
}

/** Waits until the shown checklist's items read as expected; fails saying what they read. */
export async function waitForStatuses(e: Env, checklistId: string, expected: string[]): Promise<void> {
  let last: string[] = [];
  try {
    await waitFor(`${checklistId} to read ${expected.join(', ')}`, async () => {
      last = statuses((await shown(e)).find((c) => c.checklist.id === checklistId));
      return JSON.stringify(last) === JSON.stringify(expected);
    }, 10_000);
  } catch (error) {
    throw new Error(`${(error as Error).message}; it reads ${last.join(', ') || '(not shown)'}`);
  }
}

/** The file-top checklist CodeLens titles of a file. */
export async function lensTitles({ root }: Env, rel: string): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', file(root, rel), 100);
  return lenses.map((lens) => lens.command?.title ?? '').filter((title) => title.includes('$(checklist)'));
}

/** Records an item's status as the command does from the view. */
export async function set({ root }: Env, rel: string, checklistId: string, itemId: string, status: string, reason?: string): Promise<void> {
  await vscode.commands.executeCommand('qaLens.setChecklistItem', { uri: file(root, rel).toString(), checklistId, itemId, status, reason });
}
