import * as assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import { activeExtension, waitFor } from '../shared/extension';

let api: QaLensApi;
let root: vscode.Uri;

function file(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...rel.split('/'));
}

/** "group: path:line, ..." for each group of the Shortcuts tree as shown now. */
function tree(): string[] {
  return api.sidebar.shortcuts.groups.map((g) => `${g.label}: ${g.items.map((i) => `${i.finding.path}:${i.finding.line}`).join(', ')}`);
}

async function settled(): Promise<string[]> {
  await api.sidebar.scan.whenIdle();
  await api.sidebar.shortcuts.settled();
  return tree();
}

describe('sidebar: Shortcuts follow changes made after they were computed', function () {
  this.timeout(60_000);

  before(async () => {
    api = (await activeExtension()).exports as QaLensApi;
    root = vscode.workspace.workspaceFolders![0].uri;
    await settled();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('qaLens.clearFilter');
    await vscode.commands.executeCommand('qaLens.groupBy', 'rule');
  });

  it('"only my changes" shows a shortcut written to disk after the filter was turned on', async () => {
    await vscode.commands.executeCommand('qaLens.filter', { onlyChanged: true });
    // Everything is committed on the base branch itself: nothing is "mine" yet.
    assert.deepEqual(await settled(), []);
    const later = file('src/later.ts');
    try {
      await writeFile(later.fsPath, 'export const b = 2;\n// TODO: written after the filter was set\n');
      await waitFor('the watcher to scan src/later.ts', () => api.sidebar.scan.findingsFor(later).length === 1);
      await waitFor('the filtered tree to show src/later.ts', async () => (await settled()).join() === 'Untracked marker: src/later.ts:2' || undefined).catch(async (error: Error) => {
        throw new Error(`${error.message}; the tree shows ${JSON.stringify(await settled())}`);
      });
    } finally {
      await rm(later.fsPath, { force: true });
      await waitFor('src/later.ts to be gone from the scan', () => api.sidebar.scan.findingsFor(later).length === 0);
    }
  });

  it('grouped by age, a line typed above a committed shortcut is "not committed yet" and the shortcut keeps its age', async () => {
    await vscode.commands.executeCommand('qaLens.groupBy', 'age');
    // The file's blame is taken (and kept) while it is unchanged.
    assert.deepEqual(await settled(), ['This sprint (last 14 days): src/a.ts:1']);
    const editor = await vscode.window.showTextDocument(file('src/a.ts'), { preview: false });
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// HACK: typed just now\n'));
    await waitFor('the edit to be analysed', () => api.analyzer.peek(editor.document.uri)?.findings.length === 2);
    const expected = ['Not committed yet: src/a.ts:1', 'This sprint (last 14 days): src/a.ts:2'];
    await waitFor('the ages to follow the unsaved edit', async () => (await settled()).join('|') === expected.join('|') || undefined).catch(async (error: Error) => {
      throw new Error(`${error.message}; the tree shows ${JSON.stringify(await settled())}`);
    });
  });
});
