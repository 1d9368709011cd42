import * as vscode from 'vscode';
import type { Sidebar } from '../views/sidebar';

/**
 * QA Lens: Acknowledge Constitution. Stores the version and a hash per principle in the
 * workspace state, so the Constitution view can later show what changed since.
 */
export function registerAcknowledgeConstitution(context: vscode.ExtensionContext, sidebar: Sidebar): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.acknowledgeConstitution', async () => {
      const snapshot = await sidebar.constitution.acknowledge();
      if (snapshot) {
        const count = Object.keys(snapshot.principles).length;
        void vscode.window.setStatusBarMessage(`QA Lens: constitution${snapshot.version ? ` v${snapshot.version}` : ''} acknowledged (${count} principles)`, 4000);
      }
      return snapshot;
    }),
  );
}
