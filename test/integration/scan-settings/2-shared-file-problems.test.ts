import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import { delay, removeWorkspaceFolder } from '../shared/extension';
import { folder, qaLens, waitFor } from '../inline/helpers';

// Both folders' .quality/config.json point at ../CONSTITUTION.md (outside both), which names
// ENG-01 twice: each folder reports that problem on the one shared file.

const POINTS_AT_SHARED = '{ "constitution": "../CONSTITUTION.md" }\n';

describe('problems two folders report on one shared file', function () {
  this.timeout(90_000);
  let api: QaLensApi;
  const shared = (): vscode.Uri => vscode.Uri.joinPath(folder('api').uri, '..', 'CONSTITUTION.md');
  const duplicates = (): vscode.Diagnostic[] =>
    vscode.languages.getDiagnostics(shared()).filter((d) => d.source === 'QA Lens' && d.message.startsWith('duplicate principle id ENG-01'));

  /** Writes the folder's config and waits until its project has been loaded again from it. */
  async function configure(name: string, text: string, usesShared: boolean): Promise<void> {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(name).uri, '.quality', 'config.json'), new TextEncoder().encode(text));
    await waitFor(async () => {
      const project = await api.projects.forFolder(folder(name));
      return (project.constitution.file === shared().fsPath) === usesShared ? true : undefined;
    }, `${name}'s project to reload`);
    // Whatever else the change set off (a second watcher event) has settled too.
    await delay(500);
  }

  before(async () => {
    api = await qaLens();
    await api.projects.forFolder(folder('api'));
    await api.projects.forFolder(folder('web'));
  });

  it('are shown once while both folders report them', async () => {
    const found = await waitFor(() => (duplicates().length > 0 ? duplicates() : undefined), 'the duplicate id on the shared constitution');
    assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
    assert.equal(found[0]?.range.start.line, 6);
  });

  it("stay while one folder no longer reports them (its reload takes only its own part)", async () => {
    await configure('api', '{}\n', false);
    assert.equal(duplicates().length, 1, "api's reload took web's problem off the shared file");
    await configure('web', '{}\n', false);
    assert.equal(duplicates().length, 0, 'nobody reports it any more');
    await configure('api', POINTS_AT_SHARED, true);
    assert.equal(duplicates().length, 1);
    await configure('web', POINTS_AT_SHARED, true);
    assert.equal(duplicates().length, 1);
  });

  // Last: it takes the web folder out of the window.
  it("stay when one of the folders leaves the workspace", async () => {
    await removeWorkspaceFolder('web');
    await delay(1_000);
    assert.equal(duplicates().length, 1, "web's removal took api's problem off the shared file");
  });
});
