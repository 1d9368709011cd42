import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, manifest } from '../shared/extension';

describe('foundation: the extension in a real VS Code', () => {
  it('activates on startup', async () => {
    const extension = await activeExtension();
    assert.equal(extension.isActive, true);
  });

  it('runs against the workspace the suite asked for', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(vscode.workspace.isTrusted, true);
  });

  it('starts with the user settings the suite seeded', () => {
    assert.equal(vscode.workspace.getConfiguration('editor').get('tabSize'), 3);
    assert.equal(vscode.workspace.getConfiguration('workbench').get('startupEditor'), 'none');
  });

  it('QA Lens: About returns a text naming the version', async () => {
    const extension = await activeExtension();
    const text = await vscode.commands.executeCommand<string>('qaLens.about');
    assert.equal(typeof text, 'string');
    assert.ok(text.includes(manifest(extension).version), `"${text}" does not name version ${manifest(extension).version}`);
  });
});
