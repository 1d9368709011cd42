import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The extension's own log (Output > QA Lens), created once and disposed with the extension. */
export function createLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('QA Lens', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

export function log(): vscode.LogOutputChannel {
  if (!channel) throw new Error('QA Lens log used before activation');
  return channel;
}
