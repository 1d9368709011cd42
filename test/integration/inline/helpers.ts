// Helpers of the inline suites (inline, inline-git, untrusted, inline-multiroot): open
// files of the suite's workspace, wait for QA Lens to have analysed them, read what the editor shows.
import * as assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import { activeExtension, delay } from '../shared/extension';

export async function qaLens(): Promise<QaLensApi> {
  return (await activeExtension()).exports as QaLensApi;
}

export function folder(name?: string): vscode.WorkspaceFolder {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const found = name ? folders.find((candidate) => candidate.name === name) : folders[0];
  assert.ok(found, `no workspace folder ${name ?? ''}`);
  return found;
}

export function fileUri(relative: string, folderName?: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(folderName).uri, ...relative.split('/'));
}

/** Writes a file into the workspace (creating folders) and opens it in an editor. */
export async function writeAndOpen(relative: string, text: string, folderName?: string): Promise<vscode.TextEditor> {
  const uri = fileUri(relative, folderName);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return open(uri);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Polls `probe` until it returns a value that is not undefined (or throws with what it last saw). */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await delay(100);
  }
}

export function qaDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'QA Lens');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** `line:rule` of each QA Lens diagnostic (1-based lines), sorted. */
export function brief(uri: vscode.Uri): string[] {
  return qaDiagnostics(uri)
    .map((diagnostic) => `${diagnostic.range.start.line + 1}:${codeOf(diagnostic)}`)
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b));
}

/** Waits until the diagnostics of `uri` are exactly `expected` (`line:rule`). */
export function waitForDiagnostics(uri: vscode.Uri, expected: string[], timeoutMs?: number): Promise<string[]> {
  return waitFor(() => {
    const now = brief(uri);
    return JSON.stringify(now) === JSON.stringify(expected) ? now : undefined;
  }, `diagnostics ${JSON.stringify(expected)} (have ${JSON.stringify(brief(uri))})`, timeoutMs);
}

export async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  return lenses.map((lens) => lens.command?.title ?? '').filter((title) => title !== '');
}

export async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

/** Waits until some lens title satisfies `test`. */
export function waitForLens(uri: vscode.Uri, test: (title: string) => boolean, what: string, timeoutMs?: number): Promise<string> {
  let seen: string[] = [];
  return waitFor(async () => {
    seen = await lensTitles(uri);
    return seen.find(test);
  }, `${what} (lenses: ${JSON.stringify(seen)})`, timeoutMs);
}

export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** A measurement or fact for the run's report (the terminal shows it among mocha's lines). */
export function note(text: string): void {
  const file = process.env.QA_LENS_IT_REPORT;
  if (file) appendFileSync(file, `      » ${text}\n`);
}

export async function setSetting(key: string, value: unknown, target = vscode.ConfigurationTarget.Workspace, scope?: vscode.Uri): Promise<void> {
  const [section, ...rest] = key.split('.');
  await vscode.workspace.getConfiguration(section, scope).update(rest.join('.'), value, target);
}

// Print a failure as soon as it happens (mocha's summary comes only at the end, and a suite that
// times out never gets there). Registered once per run, whichever test file loads first.
const registry = globalThis as { qaLensInlineFailureHook?: boolean };
if (!registry.qaLensInlineFailureHook) {
  registry.qaLensInlineFailureHook = true;
  afterEach(function () {
    const test = this.currentTest;
    if (test?.state === 'failed') note(`FAILED ${test.title}: ${test.err?.message ?? ''}`);
  });
}

/**
 * The environment for a backdated commit. Only what git needs: simple-git refuses to pass on
 * variables such as GIT_SSL_CAINFO, which the host's own environment may hold.
 */
export function gitEnv(date: string): Record<string, string> {
  const env: Record<string, string> = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
  for (const key of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}
