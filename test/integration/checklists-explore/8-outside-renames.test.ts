import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { env, file, open, set, waitForStatuses, type Env } from './helpers';

const RECORDED = ['DB-01=addressed', 'DB-02=deviates:the table is new and empty', 'DB-03=open'];
const OPEN = ['DB-01=open', 'DB-02=open', 'DB-03=open'];

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

  /** A new file with its own content, its states recorded. */
  async function recordNew(rel: string, content: string): Promise<void> {
    await mkdir(file(e.root, rel.slice(0, rel.lastIndexOf('/'))).fsPath, { recursive: true });
    await writeFile(file(e.root, rel).fsPath, content);
    await record(rel);
  }

  /**
   * Moves a file with states outside VS Code and waits until its states show at the new path:
   * every file event reported before has been handled by then (they are handled in order).
   */
  async function moveAndSee(from: string, to: string): Promise<void> {
    await rename(file(e.root, from).fsPath, file(e.root, to).fsPath);
    await open(e, to);
    await waitForStatuses(e, 'db', RECORDED);
  }

  it('a file moved twice follows the second move too, the delete seen before the new file', async () => {
    await recordNew('moves/twice/one.sql', 'CREATE TABLE ledgers (id INT);\n');
    await moveAndSee('moves/twice/one.sql', 'moves/twice/two.sql');
    // A move reported as a delete and, later, a create: one.sql and two.sql are both gone with this
    // content then, and the first, followed already, must not make the second ambiguous.
    await rm(file(e.root, 'moves/twice/two.sql').fsPath);
    await recordNew('moves/twice/sentinel.sql', 'CREATE TABLE twice (id INT);\n');
    await moveAndSee('moves/twice/sentinel.sql', 'moves/twice/moved-sentinel.sql');
    await writeFile(file(e.root, 'moves/twice/three.sql').fsPath, 'CREATE TABLE ledgers (id INT);\n');
    await open(e, 'moves/twice/three.sql');
    await waitForStatuses(e, 'db', RECORDED);
  });

  it('a plain copy of a file moved before does not take the states of where it came from', async () => {
    await recordNew('moves/copied/first.sql', 'CREATE TABLE budgets (id INT);\n');
    await moveAndSee('moves/copied/first.sql', 'moves/copied/second.sql');
    await copyFile(file(e.root, 'moves/copied/second.sql').fsPath, file(e.root, 'moves/copied/third.sql').fsPath);
    // A later rename followed: the copy's create has been handled before it.
    await recordNew('moves/copied/sentinel.sql', 'CREATE TABLE sentinels (id INT);\n');
    await moveAndSee('moves/copied/sentinel.sql', 'moves/copied/moved-sentinel.sql');
    assert.equal(await recorded(e, 'moves/copied/third.sql', 'db', 'DB-02'), undefined);
    await open(e, 'moves/copied/third.sql');
    await waitForStatuses(e, 'db', OPEN);
  });

  it('a folder tree made at once: each file in it is looked at once', async () => {
    const outsideRenames = e.api.checklistState.outsideRenames!;
    await outsideRenames.settled();
    const before = outsideRenames.looked;
    // Made in one go (as a checkout or an unpacked archive makes it): the watcher reports the
    // folder and each folder and file in it as created.
    let deep = file(e.root, 'moves/tree').fsPath;
    for (const level of ['a', 'b', 'c', 'd']) {
      deep = join(deep, level);
      mkdirSync(deep, { recursive: true });
      writeFileSync(join(deep, 'x.txt'), `${level}\n`);
      writeFileSync(join(deep, 'y.txt'), `${level}${level}\n`);
    }
    // The sentinel's two creates (written, then moved) are looked at too.
    await recordNew('moves/tree-sentinel.sql', 'CREATE TABLE trees (id INT);\n');
    await moveAndSee('moves/tree-sentinel.sql', 'moves/tree-sentinel-moved.sql');
    await outsideRenames.settled();
    assert.equal(outsideRenames.looked - before - 2, 8);
  });
});
