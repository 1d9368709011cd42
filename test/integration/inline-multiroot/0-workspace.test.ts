import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension } from '../shared/extension';

describe('multi-root workspace', () => {
  it('opens both folders of the .code-workspace', () => {
    const names = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.name);
    assert.deepEqual(names, ['api', 'web']);
    assert.ok(vscode.workspace.workspaceFile?.path.endsWith('.code-workspace'));
  });

  it('activates QA Lens once for the whole window', async () => {
    const extension = await activeExtension();
    assert.equal(extension.isActive, true);
  });
});
