import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { StartReviewResult } from '../../../src/extension/review/startReview';
import { activeExtension } from '../shared/extension';

describe('review: Start Peer Review in an untrusted workspace', function () {
  // Opening the review and its preview takes seconds on a busy machine (the Markdown extension starts).
  this.timeout(90_000);
  before(async () => {
    await activeExtension();
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('does not run git, and still creates and opens the review with what is known', async () => {
    const result = await vscode.commands.executeCommand<StartReviewResult | undefined>('qaLens.startReview', { templateId: 'security-reliability' });
    assert.ok(result);
    assert.equal(result.created, true);
    assert.match(result.uri.fsPath, /\.quality\/reviews\/\d{4}-\d{2}-\d{2}-no-branch-security-reliability\.md$/);
    assert.match(result.notes.join('\n'), /untrusted workspace/);
    const text = await readFile(result.uri.fsPath, 'utf8');
    assert.match(text, /^# Security and reliability review: _\(not available: untrusted workspace\)_$/m);
    assert.match(text, /^> \*\*Note:\*\* Git was not run \(untrusted workspace\)/m);
    // The constitution's questions are still there to answer.
    assert.match(text, /^### Ask of every change$/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, result.uri.fsPath);
  });
});
