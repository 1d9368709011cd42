import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { waitFor } from '../shared/extension';
import { env, file, open, set, shown, type Env } from './helpers';

describe('checklists: the team renumbers or removes an item', function () {
  this.timeout(60_000);
  let e: Env;

  before(async () => {
    e = await env();
  });

  it('what was recorded for the old id stays visible (reason included), outside the progress, until reopened', async () => {
    await open(e, 'api/orders.ts');
    await set(e, 'api/orders.ts', 'api', 'API-03', 'deviates', 'the list is bounded by the tenant size');
    const path = file(e.root, '.quality/checklists/api.md').fsPath;
    await writeFile(path, (await readFile(path, 'utf8')).replace('API-03 Pagination', 'API-30 Pagination'));
    await waitFor('the renumbered item', async () => (await shown(e)).find((c) => c.checklist.id === 'api')?.children.some((c) => c.item.id === 'API-30'));
    const api = (await shown(e)).find((c) => c.checklist.id === 'api')!;
    const rows = api.children.map((c) => {
      const item = e.api.sidebar.checklist.getTreeItem(c);
      return `${typeof item.label === 'string' ? item.label : (item.label?.label ?? '')} [${String(item.description)}]`;
    });
    assert.ok(rows.includes('API-03 (no longer in this checklist) [deviates: the list is bounded by the tenant size]'), rows.join('\n'));
    assert.ok(rows.includes('API-30 Pagination is bounded [open]'), rows.join('\n'));
    const done = api.children.filter((c) => !c.orphan && c.state.status !== 'open').length;
    assert.equal(e.api.sidebar.checklist.getTreeItem(api).description, `${done}/3`);
    // Reopening the old id forgets it.
    const orphan = api.children.find((c) => c.orphan)!;
    await vscode.commands.executeCommand('qaLens.checklistItem.reopen', orphan);
    assert.ok(!(await shown(e)).find((c) => c.checklist.id === 'api')!.children.some((c) => c.orphan));
  });
});
