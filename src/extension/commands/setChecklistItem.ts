import * as vscode from 'vscode';
import { REASON_REQUIRED, validateReason, type ChecklistStateKey, type ItemStatus } from '../../core/checklists';
import { STATUS_LABEL, type ItemNode } from '../views/checklistView';
import { relativeTo } from '../scan/workspaceScan';
import type { Sidebar } from '../views/sidebar';

/** Arguments other code (and tests) pass: which item of which checklist for which file. */
export interface SetChecklistItemArgs {
  uri: vscode.Uri | string;
  checklistId: string;
  itemId: string;
  status?: ItemStatus;
  reason?: string;
}

const CHOICES: { status: ItemStatus; icon: string; detail: string }[] = [
  { status: 'addressed', icon: 'pass', detail: 'Done for this change' },
  { status: 'deviates', icon: 'warning', detail: 'Done differently on purpose: say why' },
  { status: 'not-applicable', icon: 'circle-slash', detail: 'Does not apply to this file: say why' },
  { status: 'open', icon: 'circle-large-outline', detail: 'Back to open' },
];

/**
 * QA Lens: Set Checklist Item Status, and the context-menu shortcuts for each status. Deviates and
 * not applicable ask for a one-line reason (validated as the store validates it). Resolves with
 * the state recorded, once it is on disk, or undefined when the user cancelled.
 */
export function registerSetChecklistItem(context: vscode.ExtensionContext, sidebar: Sidebar): void {
  const run = async (target: unknown, forced?: ItemStatus): Promise<{ status: ItemStatus; reason?: string } | undefined> => {
    const resolved = await resolveTarget(target, sidebar);
    if (resolved === undefined || 'problem' in resolved) {
      void vscode.window.showWarningMessage(`QA Lens: ${resolved?.problem ?? 'pick a checklist item in the Checklist view first.'}`);
      return undefined;
    }
    const args = isArgs(target) ? target : undefined;
    const status = forced ?? args?.status ?? (await pickStatus(resolved.label, resolved.current));
    if (!status) return undefined;
    let reason = args?.reason;
    if (REASON_REQUIRED.includes(status) && validateReason(status, reason) !== null) {
      reason = await vscode.window.showInputBox({
        title: `${resolved.label}: ${STATUS_LABEL[status]}`,
        prompt: status === 'deviates' ? 'Why does this change deviate from the item? (one line)' : 'Why does this item not apply to this file? (one line)',
        value: resolved.currentReason ?? '',
        validateInput: (text) => validateReason(status, text),
      });
      if (reason === undefined) return undefined;
    }
    // Addressed keeps the reason the item had (a deviation that was then fixed): set to deviates
    // again, the prompt offers it back instead of an empty field.
    const state = REASON_REQUIRED.includes(status) ? { status, reason: reason?.trim() } : keptReason(status, reason ?? resolved.currentReason);
    await sidebar.checklistState.set(resolved.key, state);
    await sidebar.checklist.refresh();
    return state;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.setChecklistItem', (target?: unknown) => run(target)),
    vscode.commands.registerCommand('qaLens.checklistItem.addressed', (target?: unknown) => run(target, 'addressed')),
    vscode.commands.registerCommand('qaLens.checklistItem.deviates', (target?: unknown) => run(target, 'deviates')),
    vscode.commands.registerCommand('qaLens.checklistItem.notApplicable', (target?: unknown) => run(target, 'not-applicable')),
    vscode.commands.registerCommand('qaLens.checklistItem.reopen', (target?: unknown) => run(target, 'open')),
  );
}

/** A status that needs no reason, with the reason the item had when there was one (open forgets both). */
function keptReason(status: ItemStatus, reason: string | undefined): { status: ItemStatus; reason?: string } {
  const text = reason?.trim();
  return status !== 'open' && text ? { status, reason: text } : { status };
}

function isArgs(value: unknown): value is SetChecklistItemArgs {
  return typeof value === 'object' && value !== null && 'checklistId' in value && 'itemId' in value && 'uri' in value;
}

function isItemNode(value: unknown): value is ItemNode {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'item' && 'key' in value;
}

interface Resolved {
  key: ChecklistStateKey;
  label: string;
  current: ItemStatus;
  currentReason: string | undefined;
}

async function resolveTarget(target: unknown, sidebar: Sidebar): Promise<Resolved | { problem: string } | undefined> {
  if (isItemNode(target)) return { key: target.key, label: target.item.id, current: target.state.status, currentReason: target.state.reason };
  // From the palette: the selected item in the Checklist view.
  if (target === undefined) {
    const selected = sidebar.views.checklist.selection[0];
    return isItemNode(selected) ? resolveTarget(selected, sidebar) : undefined;
  }
  if (!isArgs(target)) return undefined;
  const uri = typeof target.uri === 'string' ? vscode.Uri.parse(target.uri) : target.uri;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  // Checklist state is kept per workspace folder, branch and file: an untitled or outside file has none.
  if (!folder) return { problem: `checklist items are recorded for files in a workspace folder, and ${uri.scheme === 'untitled' ? 'this untitled file' : uri.fsPath} is not in one.` };
  await sidebar.checklistState.ready;
  const branch = await sidebar.git.branchKey(folder);
  const key: ChecklistStateKey = { folder: folder.uri.toString(), branch, file: relativeTo(folder, uri), checklist: target.checklistId, item: target.itemId };
  const state = sidebar.checklistState.get(key);
  return { key, label: target.itemId, current: state?.status ?? 'open', currentReason: state?.reason };
}

async function pickStatus(label: string, current: ItemStatus): Promise<ItemStatus | undefined> {
  const picked = await vscode.window.showQuickPick(
    CHOICES.map((choice) => ({
      label: `$(${choice.icon}) ${STATUS_LABEL[choice.status]}`,
      description: choice.status === current ? '(current)' : undefined,
      detail: choice.detail,
      status: choice.status,
    })),
    { title: `Checklist item ${label}`, placeHolder: 'Set the status for this file on this branch' },
  );
  return picked?.status;
}
