import * as vscode from 'vscode';
import { SHORTCUTS_VIEW } from '../views/shortcutsView';

/** QA Lens: Show Shortcuts (the status bar item's click). */
export function registerShowShortcuts(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('qaLens.showShortcuts', () => vscode.commands.executeCommand(`${SHORTCUTS_VIEW}.focus`)));
}
