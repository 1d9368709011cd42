import { strict as assert } from 'node:assert';
import { forEachAtMost } from '../../../src/core/forEachAtMost';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('forEachAtMost', () => {
  it('runs every item once, never more than the limit at a time', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachAtMost([...Array(20).keys()], 3, async (item, index) => {
      assert.equal(item, index);
      running++;
      most = Math.max(most, running);
      await tick();
      seen.push(item);
      running--;
    });
    assert.deepEqual([...seen].sort((a, b) => a - b), [...Array(20).keys()]);
    assert.equal(most, 3);
  });

  it('rejects with the first failure and starts nothing after it', async () => {
    const started: number[] = [];
    await assert.rejects(
      forEachAtMost([...Array(50).keys()], 4, async (item) => {
        started.push(item);
        await tick();
        if (item === 5) throw new Error('git failed');
      }),
      /git failed/,
    );
    await tick();
    await tick();
    assert.ok(started.length < 12, `${started.length} started`);
  });

  it('does nothing for no items', async () => {
    await forEachAtMost([], 8, () => Promise.reject(new Error('never')));
  });
});
