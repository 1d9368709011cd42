import * as assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import type { StartReviewResult } from '../../../src/extension/review/startReview';
import { activeExtension, waitFor } from '../shared/extension';

// A review QA Lens rendered is the user's draft as soon as it is shown: it is never dropped.

describe('editor-explore: Start Peer Review never loses a draft', function () {
  this.timeout(90_000);
  let root: string;

  before(async () => {
    await activeExtension();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the rendered review unsaved when the reviews folder cannot be written', async () => {
    // A reviews folder that is a file (as root, a read-only folder would still be written).
    const blocked = path.join(root, 'not-a-folder');
    await writeFile(blocked, 'a file where the reviews folder should be\n');
    const config = vscode.workspace.getConfiguration('qaLens', vscode.workspace.workspaceFolders![0].uri);
    await config.update('reviews.folder', 'not-a-folder/reviews', vscode.ConfigurationTarget.Workspace);
    try {
      const result = await vscode.commands.executeCommand<StartReviewResult | undefined>('qaLens.startReview', { templateId: 'architecture', base: 'HEAD' });
      assert.ok(result, 'the review was dropped: the command returned nothing');
      assert.equal(result.created, false, 'nothing was written');
      assert.equal(result.uri.scheme, 'untitled', 'the draft is an unsaved document');
      const editor = await waitFor('the draft in an editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === result.uri.toString()));
      assert.match(editor.document.getText(), /^---\ntemplate: architecture\n/, 'the rendered review, front matter first');
      assert.equal(editor.document.languageId, 'markdown');
      assert.ok(result.notes.some((note) => note.includes('not-a-folder/reviews')), `a note names the folder: ${result.notes.join(' | ')}`);
    } finally {
      await config.update('reviews.folder', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await rm(blocked, { force: true });
    }
  });

  it('continues a review open with unsaved edits, keeping them', async () => {
    const first = await vscode.commands.executeCommand<StartReviewResult>('qaLens.startReview', { templateId: 'release-readiness', base: 'HEAD', continueExisting: true });
    assert.ok(first);
    const editor = await vscode.window.showTextDocument(first.uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), 'Unsaved answer.\n'));
    assert.ok(editor.document.isDirty);
    const again = await vscode.commands.executeCommand<StartReviewResult>('qaLens.startReview', { templateId: 'release-readiness', base: 'HEAD', continueExisting: true });
    assert.ok(again);
    assert.equal(again.uri.fsPath, first.uri.fsPath);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === first.uri.fsPath);
    assert.ok(doc?.getText().includes('Unsaved answer.'), 'the unsaved answer is still in the editor');
    assert.ok(!(await readFile(first.uri.fsPath, 'utf8')).includes('Unsaved answer.'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('creates the reviews folder when it is missing', async () => {
    await rm(path.join(root, '.quality', 'reviews'), { recursive: true, force: true });
    const result = await vscode.commands.executeCommand<StartReviewResult>('qaLens.startReview', { templateId: 'security-reliability', base: 'HEAD', continueExisting: true });
    assert.ok(result?.created);
    assert.ok((await readFile(result.uri.fsPath, 'utf8')).startsWith('---\n'));
    await mkdir(path.join(root, '.quality', 'reviews'), { recursive: true });
  });
});
