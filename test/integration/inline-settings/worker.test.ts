import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { qaLens, waitFor, waitForDiagnostics, writeAndOpen } from '../inline/helpers';

/**
 * The analysis worker's private parts, reached into on purpose: these tests kill the real worker
 * thread the way a crash would, and make a restart fail the way a missing bundle would.
 */
interface PoolInternals {
  worker: { terminate(): Promise<number> } | undefined;
  script: string;
  failedStarts: number;
  retryAt: number;
}

/** A TypeScript document of more than 100,000 characters (analysed on the worker thread), with one TODO at its end. */
function largeDocument(): string {
  const filler = Array.from({ length: 3000 }, (_, i) => `export const value${i} = compute(${i}); // plain note ${i}`).join('\n');
  return `${filler}\n// TODO: split this file\n`;
}

async function poolOf(): Promise<PoolInternals> {
  const api = await qaLens();
  return (api.analyzer as unknown as { pool: PoolInternals }).pool;
}

/** Kills the worker thread and waits until the pool has seen it go. */
async function killWorker(pool: PoolInternals): Promise<void> {
  const worker = await waitFor(() => pool.worker, 'a running analysis worker');
  await worker.terminate();
  await waitFor(() => (pool.worker === undefined ? true : undefined), 'the pool to notice the worker stopped');
}

describe('inline: the analysis worker stops', function () {
  this.timeout(120_000);

  it('a restarted worker, which lacks the text an edit applies to, gets the whole document again', async () => {
    const editor = await writeAndOpen('src/worker-restart.ts', largeDocument());
    const doc = editor.document;
    assert.ok(doc.getText().length >= 100_000, 'large enough for the worker thread');
    await waitForDiagnostics(doc.uri, ['3001:untracked-marker']);

    await killWorker(await poolOf());
    // Only the edited text would cross to the new worker, which has no session for it: it answers
    // "stale" and the document is analysed again from its whole text.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// FIXME: first\n'));
    await waitForDiagnostics(doc.uri, ['1:untracked-marker', '3002:untracked-marker']);
    await editor.edit((edit) => edit.insert(new vscode.Position(10, 0), '// HACK: tenth\n'));
    await waitForDiagnostics(doc.uri, ['1:untracked-marker', '11:untracked-marker', '3003:untracked-marker']);
    const api = await qaLens();
    assert.equal(api.analyzer.peek(doc.uri)?.incremental, true, 'after the whole analysis the new worker analyses edits incrementally again');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a worker that cannot start again leaves the analysis to the extension host, findings unchanged', async () => {
    const pool = await poolOf();
    const script = pool.script;
    const editor = await writeAndOpen('src/worker-gone.ts', largeDocument());
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, ['3001:untracked-marker']);
    try {
      pool.script = `${script}.missing`;
      await killWorker(pool);
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// FIXME: first\n'));
      await waitForDiagnostics(doc.uri, ['1:untracked-marker', '3002:untracked-marker']);
      await editor.edit((edit) => edit.delete(new vscode.Range(3001, 0, 3002, 0)));
      await waitForDiagnostics(doc.uri, ['1:untracked-marker']);
      // The second edit did not try to start it again (that is a thread start and a warning per keystroke).
      assert.equal(pool.failedStarts, 1, 'one failed start for two edits');
      assert.equal(pool.worker, undefined);
      assert.ok(pool.retryAt > performance.now(), 'tried again later (its clock is performance.now)');
    } finally {
      pool.script = script;
      pool.failedStarts = 0;
      pool.retryAt = 0;
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
