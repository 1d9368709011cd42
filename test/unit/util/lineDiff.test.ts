import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { addedLineNumbers, splitLines } from '../../../src/core/lineDiff';

const added = (before: string, after: string, maxEdits?: number): number[] =>
  [...addedLineNumbers(splitLines(before), splitLines(after), maxEdits)].sort((x, y) => x - y);

/** The length of a longest common subsequence, by the textbook table (small inputs only). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = [0];
    for (let j = 1; j <= b.length; j++) current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    previous = current;
  }
  return previous[b.length];
}

/** Whether `items` appear in `sequence` in this order (not necessarily next to each other). */
function isSubsequence(items: readonly string[], sequence: readonly string[]): boolean {
  let at = 0;
  for (const item of items) {
    while (at < sequence.length && sequence[at] !== item) at++;
    if (at === sequence.length) return false;
    at++;
  }
  return true;
}

describe('splitLines', () => {
  it('keeps each line with its newline, so a last line without one differs (as in git)', () => {
    assert.deepEqual(splitLines(''), []);
    assert.deepEqual(splitLines('a\nb\n'), ['a\n', 'b\n']);
    assert.deepEqual(splitLines('a\nb'), ['a\n', 'b']);
    assert.deepEqual(splitLines('\n'), ['\n']);
  });

  it('reads CRLF line ends as LF (a checkout with autocrlf compares equal to the commit)', () => {
    assert.deepEqual(splitLines('a\r\nb\r\n'), splitLines('a\nb\n'));
  });
});

describe('addedLineNumbers', () => {
  it('finds a line typed in the middle, at the start and at the end', () => {
    assert.deepEqual(added('a\nb\nc\n', 'a\nnew\nb\nc\n'), [2]);
    assert.deepEqual(added('a\nb\n', 'new\na\nb\n'), [1]);
    assert.deepEqual(added('a\nb\n', 'a\nb\nnew\n'), [3]);
  });

  it('counts a changed line as added and a deleted one not at all', () => {
    assert.deepEqual(added('a\nb\nc\n', 'a\nB\nc\n'), [2]);
    assert.deepEqual(added('a\nb\nc\n', 'a\nc\n'), []);
  });

  it('counts every line of a file new since the base, and none of an unchanged one', () => {
    assert.deepEqual(added('', 'x\ny\n'), [1, 2]);
    assert.deepEqual(added('x\ny\n', 'x\ny\n'), []);
    assert.deepEqual(added('x\ny\n', ''), []);
  });

  it('counts the last line when only its newline was added (git does too)', () => {
    assert.deepEqual(added('a\nb', 'a\nb\n'), [2]);
  });

  it('keeps repeated lines that are still there, and marks only the extra copy', () => {
    assert.deepEqual(added('}\n}\n}\n', '}\n}\n}\n}\n'), [4]);
    assert.deepEqual(added('x\n}\ny\n}\n', 'x\n}\nz\n}\ny\n}\n').length, 2);
  });

  it('adds exactly the lines a shortest edit script inserts, keeping the rest in order', () => {
    const line = fc.constantFrom('a', 'b', 'c', '}', '', '// TODO');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (before, after) => {
        const result = addedLineNumbers(before, after);
        for (const number of result) assert.ok(number >= 1 && number <= after.length, `line ${number} of ${after.length}`);
        assert.equal(result.size, after.length - lcsLength(before, after));
        const kept = after.filter((_, index) => !result.has(index + 1));
        assert.ok(isSubsequence(kept, before), `${JSON.stringify(kept)} is not in ${JSON.stringify(before)} in order`);
      }),
      { numRuns: 500 },
    );
  });

  it('beyond the edit limit, counts every line between the common start and end as added', () => {
    const before = Array.from({ length: 50 }, (_, i) => `old ${i}\n`);
    const after = ['same\n', ...Array.from({ length: 50 }, (_, i) => `new ${i}\n`), 'tail\n'];
    const result = addedLineNumbers(['same\n', ...before, 'tail\n'], after, 10);
    assert.deepEqual([...result].sort((x, y) => x - y), Array.from({ length: 50 }, (_, i) => i + 2));
    // The same edit within the limit gives the same answer (all 50 lines are new).
    assert.equal(addedLineNumbers(['same\n', ...before, 'tail\n'], after).size, 50);
  });

  it('finds the few lines typed into a large file', () => {
    const before = Array.from({ length: 200_000 }, (_, i) => `line ${i % 997}\n`);
    const after = [...before];
    after.splice(100_000, 0, '// TODO: typed\n');
    after.splice(150_000, 1, 'changed\n');
    const result = addedLineNumbers(before, after);
    assert.deepEqual([...result].sort((x, y) => x - y), [100_001, 150_001]);
  });
});
