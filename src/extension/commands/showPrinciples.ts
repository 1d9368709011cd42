import * as vscode from 'vscode';
import type { Sidebar } from '../views/sidebar';

/**
 * QA Lens: Show Principles. Reveals the Constitution view for a file (default: the active one),
 * with the principles that apply to it first and the first of them selected.
 */
export function registerShowPrinciples(context: vscode.ExtensionContext, sidebar: Sidebar): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.showPrinciples', async (args?: { uri?: vscode.Uri | string; principleId?: string }) => {
      const uri = typeof args?.uri === 'string' ? vscode.Uri.parse(args.uri) : args?.uri;
      if (uri) sidebar.activeFile.set(uri);
      await sidebar.constitution.refresh();
      const nodes = sidebar.constitution.principleNodes();
      const node = (args?.principleId ? nodes.find((n) => n.principle.id === args.principleId) : undefined) ?? nodes.find((n) => n.applies) ?? nodes[0];
      if (node) await sidebar.views.constitution.reveal(node, { select: true, focus: true, expand: false });
      else await vscode.commands.executeCommand('qaLensConstitution.focus');
      return nodes.filter((n) => n.applies).map((n) => n.principle.id);
    }),
  );
}
