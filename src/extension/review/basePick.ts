import * as vscode from 'vscode';
import { listBranches, validateRef } from '../../git';
import { log } from '../log';

interface BranchItem extends vscode.QuickPickItem {
  ref: string;
}

/**
 * Asks what the change is compared with when no base branch can be found (no `reviews.base`, no
 * `origin/HEAD`, no main or master): the repository's branches, most recently active first, or any
 * ref typed in. Undefined when dismissed: the review then opens with what is known.
 */
export async function pickBase(root: string, current: string | undefined): Promise<string | undefined> {
  let branches: { name: string; remote: boolean }[] = [];
  try {
    branches = (await listBranches(root)).filter((b) => b.name !== current);
  } catch (error) {
    log().warn(`Start Peer Review: could not list branches: ${String(error)}`);
  }
  const items: BranchItem[] = branches.map((b) => ({ label: b.name, description: b.remote ? 'remote branch' : 'branch', ref: b.name }));
  const pick = vscode.window.createQuickPick<BranchItem>();
  pick.title = 'Start Peer Review: which branch is this change compared with?';
  pick.placeholder = branches.length > 0 ? 'No base branch found: choose one, or type a branch, tag or commit' : 'No other branch here: type a branch, tag or commit';
  pick.items = items;
  pick.ignoreFocusOut = true;
  return new Promise<string | undefined>((resolve) => {
    let settled = false;
    const finish = (value: string | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(value);
      pick.dispose();
    };
    pick.onDidChangeValue((value) => {
      // Offer the typed text as a ref of its own, validated the way git's argv needs.
      const typed = value.trim();
      const valid = typed !== '' && safeRef(typed);
      pick.items = valid && !items.some((i) => i.ref === typed) ? [{ label: typed, description: 'use this ref', ref: typed }, ...items] : items;
    });
    pick.onDidAccept(() => finish(pick.selectedItems[0]?.ref));
    pick.onDidHide(() => finish(undefined));
    pick.show();
  });
}

function safeRef(ref: string): boolean {
  try {
    validateRef(ref);
    return true;
  } catch {
    return false;
  }
}
