import * as vscode from 'vscode';

/** QA Lens: About. Returns the text it shows, so tests (and other commands) can use it. */
export function registerAbout(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.about', () => {
      const version = String((context.extension.packageJSON as { version?: string }).version ?? '');
      const text = `QA Lens ${version}: quality analysis while you code.`;
      void vscode.window.showInformationMessage(text);
      return text;
    }),
  );
}
