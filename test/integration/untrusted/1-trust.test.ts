import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension } from '../shared/extension';

describe('untrusted workspace', () => {
  it('opens the folder in restricted mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  });

  it('still activates QA Lens (it declares limited support)', async () => {
    const extension = await activeExtension();
    assert.equal(extension.isActive, true);
  });
});
