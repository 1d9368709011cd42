import * as vscode from 'vscode';
import { registerAbout } from './commands/about';
import { registerShowOutput } from './commands/showOutput';
import { createLog } from './log';

/**
 * Activation stays synchronous and small: it wires up providers and commands, each in its own
 * module, and leaves any scanning to background work started afterwards.
 */
export function activate(context: vscode.ExtensionContext): void {
  const started = Date.now();
  const log = createLog(context);
  registerShowOutput(context);
  registerAbout(context);
  log.info(`QA Lens activated in ${Date.now() - started} ms`);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
