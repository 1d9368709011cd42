import * as vscode from 'vscode';
import type { Sidebar } from '../views/sidebar';

/** QA Lens: Cancel Scan. What was scanned so far stays in the Shortcuts view. */
export function registerCancelScan(context: vscode.ExtensionContext, sidebar: Sidebar): void {
  context.subscriptions.push(vscode.commands.registerCommand('qaLens.cancelScan', () => sidebar.scan.cancel()));
}
