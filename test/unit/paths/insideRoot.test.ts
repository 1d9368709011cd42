import { strict as assert } from 'node:assert';
import { join, relative, sep } from 'node:path';
import { isRelativeInside } from '../../../src/core/insideRoot';

describe('isRelativeInside', () => {
  const root = join(sep, 'work', 'repo');
  const rel = (...segments: string[]): string => relative(root, join(root, ...segments));

  it('is true for the root itself and paths below it, names starting with two dots included', () => {
    for (const path of [rel(), rel('src', 'a.ts'), rel('..foo.sql'), rel('..config', 'x'), rel('a..b'), 'src/a.ts', '..foo/b.ts']) {
      assert.equal(isRelativeInside(path), true, path);
    }
  });

  it('is false for paths that leave the root, or absolute ones', () => {
    for (const path of [rel('..'), rel('..', 'other', 'a.ts'), '..', '../a.ts', `..${sep}a.ts`, join(sep, 'etc', 'passwd')]) {
      assert.equal(isRelativeInside(path), false, path);
    }
  });
});
