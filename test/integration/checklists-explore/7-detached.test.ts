import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { headBranch } from '../../../src/git';
import { waitFor } from '../shared/extension';
import { env, open, set, waitForStatuses, type Env } from './helpers';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

type StoredDocument = { entries: Record<string, Record<string, Record<string, Record<string, Record<string, unknown>>>>> };

describe('checklists: a detached HEAD is keyed the same, trusted or not', function () {
  this.timeout(60_000);
  let e: Env;
  let root: string;
  let folder: vscode.WorkspaceFolder;

  before(async () => {
    e = await env();
    root = e.root.fsPath;
    folder = vscode.workspace.workspaceFolders![0];
    // git's short id is longer than 7 digits in a large repository; core.abbrev makes it so here.
    git(root, 'config', 'core.abbrev', '12');
    git(root, 'checkout', '-q', '--detach');
    await waitFor('the extension to see the detached HEAD', async () => /^[0-9a-f]+$/.test(await e.api.git.branchKey(folder)));
  });

  after(async () => {
    git(root, 'checkout', '-q', 'main');
    git(root, 'config', '--unset', 'core.abbrev');
    await waitFor('the extension to see main again', async () => (await e.api.git.branchKey(folder)) === 'main');
  });

  it('the key in this trusted window is the one an untrusted window reads from .git/HEAD', async () => {
    const gitsShortId = git(root, 'rev-parse', '--short', 'HEAD');
    assert.equal(gitsShortId.length, 12, 'git gave a short id of its usual length: the test proves nothing');
    const untrusted = await headBranch(root);
    assert.equal(await e.api.git.branchKey(folder), untrusted);
    await open(e, 'ops/deploy.yml');
    await set(e, 'ops/deploy.yml', 'ops', 'OPS-02', 'deviates', 'the runbook moves next week, PROJ-7');
    const stored = JSON.parse(await readFile(e.api.checklistState.path!, 'utf8')) as StoredDocument;
    const branches = stored.entries[e.root.toString()] ?? {};
    assert.ok(branches[untrusted!]?.['ops/deploy.yml']?.ops?.['OPS-02'], `stored under ${Object.keys(branches).join(', ')}`);
  });

  it('what a trusted window stored under git\'s longer short id is shown, and a change made now replaces it', async () => {
    const gitsShortId = git(root, 'rev-parse', '--short', 'HEAD');
    const path = e.api.checklistState.path!;
    const stored = JSON.parse(await readFile(path, 'utf8')) as StoredDocument;
    const mine = (stored.entries[e.root.toString()] ??= {});
    mine[gitsShortId] = { 'api/orders.ts': { api: { 'API-02': { status: 'not-applicable', reason: 'no errors are added here' }, 'API-01': { status: 'addressed' } } } };
    await writeFile(path, `${JSON.stringify(stored, null, 2)}\n`);
    await open(e, 'api/orders.ts');
    await waitForStatuses(e, 'api', ['API-01=addressed', 'API-02=not-applicable:no errors are added here', 'API-30=open']);
    await set(e, 'api/orders.ts', 'api', 'API-01', 'open');
    await waitForStatuses(e, 'api', ['API-01=open', 'API-02=not-applicable:no errors are added here', 'API-30=open']);
  });
});
