import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileUri, hoverText, lensTitles, open, qaLens, waitForDiagnostics, waitForLens } from '../inline/helpers';

describe('inline: untrusted workspace', function () {
  this.timeout(60_000);
  const app = fileUri('src/app.ts');

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    await qaLens();
    await open(app);
  });

  it('runs the built-in rules only: the team phrase and ticket pattern are not run', async () => {
    // Trusted, "bodge" would be a vague deferral and WORK42 a ticket (tracked-marker, a hint).
    await waitForDiagnostics(app, ['3:vague-deferral']);
  });

  it('says so in a file-top lens and in the hover, and calls no git (no age)', async () => {
    await waitForLens(app, (t) => t === '$(shield) Restricted Mode: built-in rules only', 'the Restricted Mode lens');
    const titles = await lensTitles(app);
    assert.ok(titles.includes('QA: "quick hack" with no plan · ENG-02 Value over MVP shortcuts'), titles.join(' | '));
    assert.match(await hoverText(app, new vscode.Position(2, 4)), /Restricted Mode: QA Lens runs its built-in rules only/);
  });
});
