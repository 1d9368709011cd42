import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import { activeExtension, waitFor } from '../shared/extension';

describe('checklists in an untrusted workspace', function () {
  this.timeout(60_000);

  it('an item is recorded under the branch (as a trusted window stores it), not under "(no git)"', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const api = (await activeExtension()).exports as QaLensApi;
    const root = vscode.workspace.workspaceFolders![0].uri;
    const sql = vscode.Uri.joinPath(root, 'migrations', '001_init.sql');
    await vscode.window.showTextDocument(sql);
    await waitFor('the view to follow the file', () => api.sidebar.activeFile.uri?.toString() === sql.toString());
    await vscode.commands.executeCommand('qaLens.setChecklistItem', { uri: sql.toString(), checklistId: 'db', itemId: 'DB-02', status: 'deviates', reason: 'the table is empty in production' });
    const stored = JSON.parse(await readFile(api.checklistState.path!, 'utf8')) as { entries: Record<string, Record<string, unknown>> };
    assert.deepEqual(Object.keys(stored.entries[root.toString()] ?? {}), ['main']);
    await api.sidebar.checklist.refresh();
    const db = api.sidebar.checklist.checklists.find((c) => c.checklist.id === 'db');
    assert.deepEqual(db?.children.map((c) => c.state.status), ['open', 'deviates']);
    assert.equal(api.sidebar.views.checklist.description, '001_init.sql · main');
  });
});
