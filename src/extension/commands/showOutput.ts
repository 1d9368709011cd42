import * as vscode from 'vscode';
import { log } from '../log';

/** QA Lens: Show Log */
export function registerShowOutput(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('qaLens.showOutput', () => log().show(true)));
}
