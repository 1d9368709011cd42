import * as assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { languageForPath } from '../../../src/core/languages';
import { AnalysisPool, retryDelayMs, WorkerUnavailableError } from '../../../src/extension/analysis/analysisPool';
import type { SessionRequest } from '../../../src/extension/analysis/sessionStore';
import { tempTree, type TempTree } from '../scan/tempTree';

/**
 * The pool's lifecycle on real worker threads. The scripts stand in for the analysis worker's
 * bundle: one that answers (and stops when asked to), one that throws as it loads, as a broken
 * bundle would.
 */
const ANSWERS = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (message) => {
  if (message.request && message.request.key === 'die') process.exit(3);
  if (message.id) parentPort.postMessage({ id: message.id, findings: [], incremental: false, elapsedMs: 0 });
});`;
const THROWS = `throw new Error('this bundle is broken');`;

function request(key = 'file:///a.ts'): SessionRequest {
  return { key, version: 1, base: null, generation: 'g', text: 'const a = 1;\n', path: 'a.ts', language: languageForPath('a.ts')!, settings: defaultEngineSettings(), now: '2026-06-01' };
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected a rejection');
}

describe('AnalysisPool (the editor\'s analysis worker thread)', () => {
  let tree: TempTree;
  const pools: AnalysisPool[] = [];
  let clock = 0;
  let script = '';
  let warnings: string[] = [];
  const pool = async (source: string): Promise<AnalysisPool> => {
    script = await tree.write(`worker-${pools.length}.cjs`, source);
    const created = new AnalysisPool(script, (message) => warnings.push(message), () => clock);
    pools.push(created);
    return created;
  };

  beforeEach(async () => {
    tree = await tempTree({}, 'qa-lens-pool-');
    clock = 1_000_000;
    warnings = [];
  });
  afterEach(async () => {
    for (const created of pools.splice(0)) created.dispose();
    await tree.remove();
  });

  it('waits 30 s, then 60 s and so on up to 10 minutes between attempts to start a worker that keeps failing', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 10].map(retryDelayMs), [30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
  });

  it('a worker that fails to start says so once, is not started again at every request, and is tried again later', async () => {
    const broken = await pool(THROWS);
    // Three documents waiting when it fails: one warning, and each of them told it is unavailable.
    const failures = await Promise.all([1, 2, 3].map((n) => rejection(broken.analyse(request(`file:///${n}.ts`)))));
    assert.deepEqual(warnings, ['The analysis worker could not start (this bundle is broken); it is tried again in 30 s, large documents are analysed on the extension host meanwhile']);
    for (const failure of failures) assert.ok(failure instanceof WorkerUnavailableError);

    clock += 29_000;
    assert.ok((await rejection(broken.analyse(request()))) instanceof WorkerUnavailableError, 'no new attempt within 30 s');
    assert.equal(warnings.length, 1, 'and no new warning');

    clock += 1_000;
    await rejection(broken.analyse(request()));
    assert.equal(warnings.length, 2, 'tried again after 30 s');
    assert.match(warnings[1], /this bundle is broken\); it is tried again in 60 s/, 'failing again doubles the wait');
  });

  it('a worker that answered and then died is started again at the next request, without waiting', async () => {
    const answers = await pool(ANSWERS);
    assert.deepEqual((await answers.analyse(request())).findings, []);
    const died = await rejection(answers.analyse(request('die')));
    assert.match(died.message, /the analysis worker stopped \(exit code 3\)$/);
    assert.deepEqual((await answers.analyse(request())).findings, [], 'restarted at once');
  });

  it('a worker that started once more after failing counts its failures afresh (30 s again)', async () => {
    const flaky = await pool(THROWS);
    await rejection(flaky.analyse(request()));
    assert.match(warnings[0], /tried again in 30 s/);
    await writeFile(script, ANSWERS);
    clock += 30_000;
    assert.deepEqual((await flaky.analyse(request())).findings, []);
    await writeFile(script, THROWS);
    await rejection(flaky.analyse(request('die')));
    await rejection(flaky.analyse(request()));
    assert.equal(warnings.length, 2);
    assert.match(warnings[1], /this bundle is broken\); it is tried again in 30 s/);
  });

  it('does not start a worker just to ask for ticket references: none is running, so it has no session', async () => {
    const broken = await pool(THROWS);
    assert.equal(await broken.ticketReferences('file:///a.ts', 1, []), null);
    assert.deepEqual(warnings, [], 'it did not try to start the broken worker');
  });

  it('ends the requests still waiting when it is disposed (the editor closing)', async () => {
    const slow = await pool(`require('node:worker_threads').parentPort.on('message', () => undefined);`);
    const waiting = rejection(slow.analyse(request()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    slow.dispose();
    assert.match((await waiting).message, /stopped \(QA Lens is shutting down\)/);
  });
});
