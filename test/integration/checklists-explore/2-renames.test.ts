import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { env, file, open, set, waitForStatuses, type Env } from './helpers';

async function rename(e: Env, from: string, to: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.renameFile(file(e.root, from), file(e.root, to));
  assert.ok(await vscode.workspace.applyEdit(edit), `VS Code refused to rename ${from}`);
}

describe('checklists: state follows files renamed and moved in VS Code', function () {
  this.timeout(60_000);
  let e: Env;

  before(async () => {
    e = await env();
  });

  it('a renamed file keeps what was recorded for it, reasons included', async () => {
    await open(e, 'migrations/001_init.sql');
    await set(e, 'migrations/001_init.sql', 'db', 'DB-01', 'addressed');
    await set(e, 'migrations/001_init.sql', 'db', 'DB-02', 'deviates', 'the table is tiny');
    await rename(e, 'migrations/001_init.sql', 'migrations/001_create_orders.sql');
    await open(e, 'migrations/001_create_orders.sql');
    await waitForStatuses(e, 'db', ['DB-01=addressed', 'DB-02=deviates:the table is tiny', 'DB-03=open']);
  });

  it('a moved folder takes the state of every file in it', async () => {
    await set(e, 'migrations/002_status.sql', 'sec', 'SEC-01', 'addressed');
    await rename(e, 'migrations', 'db/migrations');
    await open(e, 'db/migrations/002_status.sql');
    await waitForStatuses(e, 'sec', ['SEC-01=addressed', 'SEC-02=open']);
    await open(e, 'db/migrations/001_create_orders.sql');
    await waitForStatuses(e, 'db', ['DB-01=addressed', 'DB-02=deviates:the table is tiny', 'DB-03=open']);
  });
});
