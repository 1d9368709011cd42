import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rename } from 'node:fs/promises';
import * as vscode from 'vscode';
import { env, file, open, set, waitForStatuses, type Env } from './helpers';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** What is recorded for an item at a path on the current branch (undefined: open). */
async function recorded(e: Env, rel: string, checklist: string, item: string): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders![0];
  const state = e.api.checklistState.get({ folder: folder.uri.toString(), branch: await e.api.git.branchKey(folder), file: rel, checklist, item });
  return state && `${state.status}${state.reason ? `:${state.reason}` : ''}`;
}

describe('checklists: state follows files renamed outside VS Code (terminal mv, git mv)', function () {
  this.timeout(60_000);
  let e: Env;

  before(async () => {
    e = await env();
  });

  /** Records states for a file and waits until its content is known, as it is long before a user renames it. */
  async function record(rel: string): Promise<void> {
    await open(e, rel);
    await set(e, rel, 'db', 'DB-01', 'addressed');
    await set(e, rel, 'db', 'DB-02', 'deviates', 'the table is new and empty');
    await e.api.checklistState.outsideRenames!.settled();
  }

  it('a file moved with mv in a terminal shows what was recorded; the old path keeps it too', async () => {
    await record('moves/schema.sql');
    await rename(file(e.root, 'moves/schema.sql').fsPath, file(e.root, 'moves/invoices.sql').fsPath);
    await open(e, 'moves/invoices.sql');
    await waitForStatuses(e, 'db', ['DB-01=addressed', 'DB-02=deviates:the table is new and empty', 'DB-03=open']);
    assert.equal(await recorded(e, 'moves/schema.sql', 'db', 'DB-02'), 'deviates:the table is new and empty');
  });

  it('a file renamed with git mv shows what was recorded', async () => {
    await record('moves/staged.sql');
    git(e.root.fsPath, 'mv', 'moves/staged.sql', 'moves/payments.sql');
    await open(e, 'moves/payments.sql');
    await waitForStatuses(e, 'db', ['DB-01=addressed', 'DB-02=deviates:the table is new and empty', 'DB-03=open']);
    assert.equal(await recorded(e, 'moves/staged.sql', 'db', 'DB-01'), 'addressed');
  });

  it('a folder moved with mv takes the states of the files in it', async () => {
    await record('moves/dir/inner.sql');
    await rename(file(e.root, 'moves/dir').fsPath, file(e.root, 'moves/refunds').fsPath);
    await open(e, 'moves/refunds/inner.sql');
    await waitForStatuses(e, 'db', ['DB-01=addressed', 'DB-02=deviates:the table is new and empty', 'DB-03=open']);
  });
});
