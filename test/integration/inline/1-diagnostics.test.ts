import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, fileUri, open, qaDiagnostics, qaLens, waitFor, waitForDiagnostics } from './helpers';

describe('inline: diagnostics', function () {
  this.timeout(60_000);
  const orders = fileUri('src/orders.ts');

  before(async () => {
    await qaLens();
    await open(orders);
  });

  it('reports every finding of a file, with source, rule id and severity', async () => {
    await waitForDiagnostics(orders, ['3:deferred-to-sprint', '4:insecure-shortcut', '6:untracked-marker', '10:swallowed-error', '15:tracked-marker']);
    const severities = Object.fromEntries(qaDiagnostics(orders).map((d) => [codeOf(d), d.severity]));
    assert.equal(severities['deferred-to-sprint'], vscode.DiagnosticSeverity.Warning);
    assert.equal(severities['untracked-marker'], vscode.DiagnosticSeverity.Information);
    // Hints show in the editor only; VS Code keeps them out of the Problems panel.
    assert.equal(severities['tracked-marker'], vscode.DiagnosticSeverity.Hint);
  });

  it('links each rule id to its principle in the bundled constitution, at the heading', async () => {
    const diagnostic = qaDiagnostics(orders).find((d) => codeOf(d) === 'deferred-to-sprint');
    assert.ok(diagnostic && typeof diagnostic.code === 'object', 'code should carry a target');
    const target = diagnostic.code.target;
    assert.equal(target.scheme, 'qa-lens-bundled');
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
    const constitution = await vscode.workspace.openTextDocument(target.with({ fragment: '' }));
    assert.match(constitution.lineAt(line - 1).text, /^## ENG-02 Value over MVP shortcuts/);
  });

  it('updates after an edit, without saving', async () => {
    const editor = await open(orders);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// HACK: quick fix for the demo\n'));
    await waitForDiagnostics(orders, ['1:vague-deferral', '4:deferred-to-sprint', '5:insecure-shortcut', '7:untracked-marker', '11:swallowed-error', '16:tracked-marker']);
    await editor.edit((edit) => edit.delete(new vscode.Range(0, 0, 1, 0)));
    await waitForDiagnostics(orders, ['3:deferred-to-sprint', '4:insecure-shortcut', '6:untracked-marker', '10:swallowed-error', '15:tracked-marker']);
    assert.equal(editor.document.isDirty, true);
    await editor.document.save();
  });

  it('analyses a language the built-in table lacks, from its extension (HLSL)', async () => {
    const shader = fileUri('shaders/light.hlsl');
    const editor = await open(shader);
    assert.equal(editor.document.languageId, 'hlsl');
    await waitForDiagnostics(shader, ['1:vague-deferral']);
  });

  it('forgets the diagnostics of a closed file', async () => {
    const scratch = await vscode.workspace.openTextDocument({ language: 'python', content: '# FIXME: handle retries\n' });
    await vscode.window.showTextDocument(scratch);
    await waitForDiagnostics(scratch.uri, ['1:untracked-marker']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => (qaDiagnostics(scratch.uri).length === 0 ? true : undefined), 'diagnostics to be cleared');
  });
});
