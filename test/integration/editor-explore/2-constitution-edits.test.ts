import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import type { InitEntry } from '../../../src/core/init';
import { activeExtension, waitFor } from '../shared/extension';

function qaProblems(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'QA Lens').map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

describe('editor-explore: editing the constitution in the editor', function () {
  this.timeout(90_000);
  let root: string;
  let file: string;
  let uri: vscode.Uri;

  before(async () => {
    await activeExtension();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    file = path.join(root, '.quality', 'constitution.md');
    uri = vscode.Uri.file(file);
    const entries = await vscode.commands.executeCommand<InitEntry[]>('qaLens.createConstitution');
    assert.ok(entries?.some((e) => e.target === '.quality/constitution.md' && e.outcome === 'wrote'));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a duplicate principle id while the constitution is unsaved, and takes it away when undone', async () => {
    const editor = await vscode.window.showTextDocument(uri);
    assert.deepEqual(qaProblems(uri), []);
    const end = new vscode.Position(editor.document.lineCount, 0);
    await editor.edit((edit) => edit.insert(end, '\n## ENG-05 Errors fail loudly, again\n\n**How to check:** twice?\n'));
    assert.ok(editor.document.isDirty);
    const shown = await waitFor('a problem for the duplicate id while unsaved', () => qaProblems(uri).find((p) => /ENG-05/.test(p)));
    assert.match(shown, new RegExp(`^${editor.document.lineCount - 3}: `), `at the new heading's line: ${shown}`);
    await vscode.commands.executeCommand('undo');
    await waitFor('the problem to go when the edit is undone', () => qaProblems(uri).length === 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('goes back to the saved file\'s problems when an unsaved edit is reverted', async () => {
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\n## ENG-01 Again\n'));
    await waitFor('the unsaved duplicate', () => qaProblems(uri).length > 0);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('the problems of the saved file (none)', () => qaProblems(uri).length === 0);
  });

  it('Create Constitution again keeps the existing file and an unsaved edit in it', async () => {
    const before = await readFile(file, 'utf8');
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), ''));
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nUnsaved note.\n'));
    const entries = await vscode.commands.executeCommand<InitEntry[]>('qaLens.createConstitution');
    assert.equal(entries?.find((e) => e.target === '.quality/constitution.md')?.outcome, 'skipped');
    assert.equal(await readFile(file, 'utf8'), before);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === file);
    assert.ok(doc?.getText().includes('Unsaved note.'));
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('links a finding to its principle at the heading\'s new line after the constitution is edited and saved', async () => {
    const source = path.join(root, 'src', 'swallow.ts');
    await writeFile(source, 'export function f(): void {\n  try {\n    g();\n  } catch (e) {\n  }\n}\ndeclare function g(): void;\n');
    const code = vscode.Uri.file(source);
    await vscode.window.showTextDocument(code);
    const targetOf = (): string | undefined => {
      const d = vscode.languages.getDiagnostics(code).find((x) => typeof x.code === 'object' && x.code.value === 'swallowed-error');
      return d && typeof d.code === 'object' ? d.code.target.toString() : undefined;
    };
    const first = await waitFor('the swallowed-error diagnostic linked to ENG-05', targetOf);
    assert.match(first, /constitution\.md#L106$/);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('## ENG-01', 'A new line.\n\n## ENG-01'));
    await waitFor('the link to follow the heading to line 108', () => targetOf()?.endsWith('#L108'));
    await writeFile(file, text);
  });
});
