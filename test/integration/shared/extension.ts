// Helpers shared by the integration suites (bundled into each test file, never run on their own).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'qa-lens.qa-lens';

export interface Manifest {
  version: string;
  contributes?: { commands?: { command: string }[] };
}

/** The QA Lens extension under test, waited for until VS Code has activated it by itself. */
export async function activeExtension(timeoutMs = 10_000): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in this VS Code`);
  const deadline = Date.now() + timeoutMs;
  // onStartupFinished activates it on its own; activate() surfaces an error thrown by activate.
  while (!extension.isActive && Date.now() < deadline) await delay(50);
  await extension.activate();
  assert.ok(extension.isActive, `${EXTENSION_ID} did not activate`);
  return extension;
}

export function manifest(extension: vscode.Extension<unknown>): Manifest {
  return extension.packageJSON as Manifest;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` every 100 ms until it gives a value (not undefined or false); fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(100);
  }
}

/**
 * Takes the named folder out of the window and resolves once VS Code says so. Never the first
 * folder: removing it restarts the extension host, and the test with it.
 */
export async function removeWorkspaceFolder(name: string): Promise<void> {
  const index = (vscode.workspace.workspaceFolders ?? []).findIndex((f) => f.name === name);
  if (index <= 0) throw new Error(`${name} is not a workspace folder other than the first`);
  const removed = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      listener.dispose();
      resolve();
    });
  });
  if (!vscode.workspace.updateWorkspaceFolders(index, 1)) throw new Error(`VS Code refused to remove ${name}`);
  await removed;
}
