import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, delay } from '../shared/extension';

// The template was written before VS Code started (suite.json): nothing saves it and no review
// starts here, so only the read at start-up can put its problems in the Problems panel.

describe('review templates: problems at start-up', function () {
  this.timeout(60_000);

  it('shows the problems of a template that was already broken when the window opened', async () => {
    await activeExtension();
    const root = vscode.workspace.workspaceFolders![0].uri;
    const template = vscode.Uri.joinPath(root, '.quality', 'templates', 'handover.md');
    const seen = (): string[] =>
      vscode.languages.getDiagnostics(template).filter((d) => d.source === 'QA Lens').map((d) => `${d.range.start.line + 1}: ${d.message}`).sort();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && seen().length < 2) await delay(100);
    assert.deepEqual(seen(), [
      "3: front matter principles: 'ENG-404' is not a principle of the constitution, so the review leaves it out",
      '5: unknown placeholder {{ reciever }}',
    ]);
  });
});
