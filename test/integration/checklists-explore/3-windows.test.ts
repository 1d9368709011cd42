import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ChecklistStateService } from '../../../src/extension/checklists/checklistState';
import { env, open, waitForStatuses, type Env } from './helpers';

// Two windows on one workspace (two browser tabs on one code-server, or a window reloaded while
// another is open) each hold a copy of the state and write the same file.
describe('checklists: two windows share the state file without losing each other\'s states', function () {
  this.timeout(60_000);
  let e: Env;

  before(async () => {
    e = await env();
  });

  it('a state recorded in another window survives this window recording another', async () => {
    await open(e, 'api/orders.ts');
    const other = new ChecklistStateService(vscode.Uri.file(path.dirname(e.api.checklistState.path!)));
    try {
      await other.ready;
      const key = { folder: e.root.toString(), branch: 'main', file: 'api/orders.ts', checklist: 'api' };
      await other.set({ ...key, item: 'API-01' }, { status: 'deviates', reason: 'v1 only, agreed with the mobile team' });
      await e.api.checklistState.set({ ...key, item: 'API-02' }, { status: 'addressed' });
      await other.set({ ...key, item: 'API-03' }, { status: 'addressed' });
    } finally {
      other.dispose();
    }
    // What a reload reads.
    const reloaded = new ChecklistStateService(vscode.Uri.file(path.dirname(e.api.checklistState.path!)));
    await reloaded.ready;
    const read = reloaded.itemStates(e.root.toString(), 'main', 'api/orders.ts', 'api');
    reloaded.dispose();
    assert.deepEqual(Object.keys(read).sort(), ['API-01', 'API-02', 'API-03']);
    assert.equal(read['API-01'].reason, 'v1 only, agreed with the mobile team');
    // This window's view shows what the other had recorded before this one wrote.
    await waitForStatuses(e, 'api', ['API-01=deviates:v1 only, agreed with the mobile team', 'API-02=addressed', 'API-03=open']);
  });
});
