import { strict as assert } from 'node:assert';
import { isTestFile } from '../../../src/core/engine';

describe('isTestFile', () => {
  it('matches the globs of rules.md', () => {
    for (const path of [
      'a.test.ts', 'src/a.spec.js', 'test/x.py', 'pkg/tests/x.go', 'src/__tests__/a.tsx', 'spec/models/user.rb',
      'pkg/a_test.go', 'tests/test_api.py', 'app/test_api.py', 'spec/user_spec.rb', 'src/FooTest.java', 'src/FooTests.cs',
      'src/FooTest.kt', './test/a.js', 'src\\a.test.ts',
    ]) {
      assert.equal(isTestFile(path), true, path);
    }
  });

  it('leaves other files alone', () => {
    for (const path of ['src/a.ts', 'src/testing.ts', 'src/contest/a.ts', 'test_api.js', 'latest/a.js', 'src/FooTest.py']) {
      assert.equal(isTestFile(path), false, path);
    }
  });

  it("adds the config's testFiles globs", () => {
    assert.equal(isTestFile('e2e/login.ts'), false);
    assert.equal(isTestFile('e2e/login.ts', ['e2e/**']), true);
    assert.equal(isTestFile('e2e/login.ts', ['[']), false);
  });
});
