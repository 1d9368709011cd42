import * as assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { simpleGit } from 'simple-git';
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import { activeExtension, waitFor } from '../shared/extension';

let api: QaLensApi;
let root: vscode.Uri;

function file(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...rel.split('/'));
}

/** "group: path:line, ..." for each group of the Shortcuts tree as shown now. */
function tree(): string[] {
  return api.sidebar.shortcuts.groups.map((g) => `${g.label}: ${g.items.map((i) => `${i.finding.path}:${i.finding.line}`).join(', ')}`);
}

async function settled(): Promise<string[]> {
  await api.sidebar.scan.whenIdle();
  await api.sidebar.shortcuts.settled();
  return tree();
}

// suite.json turns auto save off: VS Code in a browser saves a second after each edit by default,
// and several of these tests are about text typed and not saved yet.
describe('sidebar: Shortcuts follow changes made after they were computed', function () {
  this.timeout(60_000);

  before(async () => {
    api = (await activeExtension()).exports as QaLensApi;
    root = vscode.workspace.workspaceFolders![0].uri;
    await settled();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('qaLens.clearFilter');
    await vscode.commands.executeCommand('qaLens.groupBy', 'rule');
  });

  it('"only my changes" shows a shortcut written to disk after the filter was turned on', async () => {
    await vscode.commands.executeCommand('qaLens.filter', { onlyChanged: true });
    // Everything is committed on the base branch itself: nothing is "mine" yet.
    assert.deepEqual(await settled(), []);
    const later = file('src/later.ts');
    try {
      await writeFile(later.fsPath, 'export const b = 2;\n// TODO: written after the filter was set\n');
      await waitFor('the watcher to scan src/later.ts', () => api.sidebar.scan.findingsFor(later).length === 1);
      await waitFor('the filtered tree to show src/later.ts', async () => (await settled()).join() === 'Untracked marker: src/later.ts:2' || undefined).catch(async (error: Error) => {
        throw new Error(`${error.message}; the tree shows ${JSON.stringify(await settled())}`);
      });
    } finally {
      await rm(later.fsPath, { force: true });
      await waitFor('src/later.ts to be gone from the scan', () => api.sidebar.scan.findingsFor(later).length === 0);
    }
  });

  /** Waits until the tree shows `expected` (one entry per group), naming what it shows when it does not. */
  async function treeBecomes(what: string, expected: string[]): Promise<void> {
    await waitFor(what, async () => (await settled()).join('|') === expected.join('|') || undefined).catch(async (error: Error) => {
      throw new Error(`${error.message}; the tree shows ${JSON.stringify(await settled())}`);
    });
  }

  it('"only my changes" shows a shortcut typed and not saved yet, and drops it when the typing is undone', async () => {
    await vscode.commands.executeCommand('qaLens.filter', { onlyChanged: true });
    assert.deepEqual(await settled(), []);
    const editor = await vscode.window.showTextDocument(file('src/a.ts'), { preview: false });
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '// TODO: typed, not saved yet\n'));
    await waitFor('the edit to be analysed', () => api.analyzer.peek(editor.document.uri)?.findings.length === 2);
    // The Problems panel has it already; the file on disk (all git sees) does not.
    await treeBecomes('the filtered tree to show the unsaved line', ['Untracked marker: src/a.ts:2']);
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo to leave the document as saved', () => !editor.document.isDirty);
    await waitFor('the undo to be analysed', () => api.analyzer.peek(editor.document.uri)?.findings.length === 1);
    await treeBecomes('the filtered tree to drop the undone line', []);
  });

  it('"only my changes" counts a committed line reworded in the editor, until the editor is closed without saving', async () => {
    await vscode.commands.executeCommand('qaLens.filter', { onlyChanged: true });
    assert.deepEqual(await settled(), []);
    const editor = await vscode.window.showTextDocument(file('src/a.ts'), { preview: false });
    await editor.edit((edit) => edit.replace(new vscode.Range(0, 9, 0, 35), 'reworded and not saved'));
    assert.equal(editor.document.lineAt(0).text, '// TODO: reworded and not saved');
    await treeBecomes('the filtered tree to show the reworded line', ['Untracked marker: src/a.ts:1']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await treeBecomes('the filtered tree to drop the line once the editor is closed unsaved', []);
  });

  it('"only my changes" keeps a typed shortcut once it is saved, and drops it once the file is saved back', async () => {
    await vscode.commands.executeCommand('qaLens.filter', { onlyChanged: true });
    assert.deepEqual(await settled(), []);
    const editor = await vscode.window.showTextDocument(file('src/a.ts'), { preview: false });
    const original = editor.document.getText();
    try {
      await editor.edit((edit) => edit.insert(new vscode.Position(2, 0), '// TODO: typed, then saved\n'));
      await treeBecomes('the filtered tree to show the unsaved line', ['Untracked marker: src/a.ts:3']);
      assert.ok(await editor.document.save(), 'save failed');
      await treeBecomes('the filtered tree to keep the saved line (now from git)', ['Untracked marker: src/a.ts:3']);
    } finally {
      const whole = editor.document.validateRange(new vscode.Range(0, 0, editor.document.lineCount, 0));
      await editor.edit((edit) => edit.replace(whole, original));
      await editor.document.save();
    }
    await treeBecomes('the filtered tree to drop the line saved away', []);
  });

  it('"only my changes" after a staged git mv: the moved lines are not mine, a line typed unsaved into the renamed file is', async () => {
    await vscode.commands.executeCommand('qaLens.filter', { onlyChanged: true });
    assert.deepEqual(await settled(), []);
    const git = simpleGit(root.fsPath);
    const before = file('src/a.ts');
    const moved = file('src/moved.ts');
    try {
      await git.mv('src/a.ts', 'src/moved.ts');
      assert.deepEqual((await git.status()).renamed, [{ from: 'src/a.ts', to: 'src/moved.ts' }]);
      // Only the new path is waited for: src/a.ts was opened through the API by the tests before,
      // and VS Code keeps such a document (and so its findings) for a while after its editor closed.
      await waitFor('the scan to read the renamed file', () => api.sidebar.scan.findingsFor(moved).length === 1);
      // Every line of src/moved.ts is new at that path; git (-M) says it is src/a.ts renamed.
      await treeBecomes('the filtered tree to leave the renamed lines out', []);
      // Opened as a user would (not through openTextDocument, whose documents VS Code keeps for
      // minutes after their editor closed): the renamed-back file must leave the scan with it.
      await vscode.commands.executeCommand('vscode.open', moved, { preview: false });
      const editor = await waitFor('the renamed file in an editor', () => (vscode.window.activeTextEditor?.document.uri.toString() === moved.toString() ? vscode.window.activeTextEditor : undefined));
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '// TODO: typed into the renamed file, not saved\n'));
      await waitFor('the edit to be analysed', () => api.analyzer.peek(editor.document.uri)?.findings.length === 2);
      // The unsaved text is compared with src/a.ts at the base: only the typed line is mine.
      await treeBecomes('the filtered tree to show the typed line alone', ['Untracked marker: src/moved.ts:2']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await git.mv('src/moved.ts', 'src/a.ts');
    }
    await waitFor('the scan to follow the rename back', () => api.sidebar.scan.findingsFor(before).length === 1 && api.sidebar.scan.findingsFor(moved).length === 0).catch((error: Error) => {
      throw new Error(`${error.message}: src/moved.ts has ${api.sidebar.scan.findingsFor(moved).length}, open: ${vscode.workspace.textDocuments.some((d) => d.uri.toString() === moved.toString())}`);
    });
    await treeBecomes('the filtered tree to be empty again', []);
  });

  it('grouped by age, a line typed above a committed shortcut is "not committed yet" and the shortcut keeps its age', async () => {
    await vscode.commands.executeCommand('qaLens.groupBy', 'age');
    // The file's blame is taken (and kept) while it is unchanged.
    assert.deepEqual(await settled(), ['This sprint (last 14 days): src/a.ts:1']);
    const editor = await vscode.window.showTextDocument(file('src/a.ts'), { preview: false });
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// HACK: typed just now\n'));
    await waitFor('the edit to be analysed', () => api.analyzer.peek(editor.document.uri)?.findings.length === 2);
    const expected = ['Not committed yet: src/a.ts:1', 'This sprint (last 14 days): src/a.ts:2'];
    await waitFor('the ages to follow the unsaved edit', async () => (await settled()).join('|') === expected.join('|') || undefined).catch(async (error: Error) => {
      throw new Error(`${error.message}; the tree shows ${JSON.stringify(await settled())}`);
    });
  });
});
