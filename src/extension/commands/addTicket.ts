import * as vscode from 'vscode';
import { addTicketEdit } from '../../core/fixes/ticket';
import { findTicket } from '../../core/rules/comments/tickets';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { applyEdit, currentTarget, resolveFinding } from './findingTarget';
import { recentTickets, rememberTicket } from './recentTickets';

/**
 * QA Lens: Add a Ticket Reference. Args: FindingArgs with an optional `ticket`; without one it asks,
 * offering the tickets used lately in this workspace. Resolves to true when the edit was applied.
 */
export function registerAddTicket(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.addTicket', async (raw: unknown): Promise<boolean> => {
      const resolved = await resolveFinding(analyzer, raw);
      if (!resolved) return false;
      const { target, args } = resolved;
      const patterns = target.analysis.project?.settings.ticketPatterns ?? [];
      const ticket = args.ticket ?? (await pickTicket(recentTickets(context.workspaceState), patterns));
      if (ticket === undefined) return false;
      if (!isTicket(ticket, patterns)) {
        void vscode.window.showErrorMessage(`QA Lens: "${ticket}" is not a ticket reference QA Lens recognises (e.g. PROJ-123, #123 or an issue URL).`);
        return false;
      }
      const current = await currentTarget(analyzer, target);
      if (!current) return false;
      const { doc, finding } = current;
      const edit = addTicketEdit(finding.line - 1, doc.lineAt(finding.line - 1).text, finding.column - 1, finding.tag, ticket.trim());
      const applied = await applyEdit(doc, edit);
      if (applied) await rememberTicket(context.workspaceState, ticket.trim());
      return applied;
    }),
  );
}

function isTicket(value: string, patterns: readonly RegExp[]): boolean {
  const text = value.trim();
  const found = findTicket(text, patterns);
  return found !== null && found.start === 0 && found.text.length === text.length;
}

/** A quick pick of recent tickets that also takes a new one typed in. */
function pickTicket(recent: string[], patterns: readonly RegExp[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick();
    pick.title = 'Add a ticket reference';
    pick.placeholder = recent.length > 0 ? 'Type a ticket (PROJ-123, #123, an issue URL) or pick a recent one' : 'Type a ticket: PROJ-123, #123 or an issue URL';
    pick.ignoreFocusOut = true;
    const recentItems = recent.map((label) => ({ label, description: 'recent' }));
    pick.items = recentItems;
    pick.onDidChangeValue((value) => {
      const typed = value.trim();
      const fresh = typed && !recent.includes(typed) ? [{ label: typed, description: isTicket(typed, patterns) ? 'new' : 'not a ticket reference yet' }] : [];
      pick.items = [...fresh, ...recentItems];
    });
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      resolve(pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
