import { strict as assert } from 'node:assert';
import { findMarkerTags } from '../../../src/core/rules/comments/markers';

const names = (text: string): string[] => findMarkerTags(text).map((t) => t.name);

describe('marker tags', () => {
  it('counts tags in capitals followed by : ( [ space or the end', () => {
    assert.deepEqual(names('TODO: a'), ['TODO']);
    assert.deepEqual(names('FIXME(alice) b'), ['FIXME']);
    assert.deepEqual(names('HACK[2025-06] c'), ['HACK']);
    assert.deepEqual(names('VIEW TODO: x'), ['TODO']);
    assert.deepEqual(names('XXX'), ['XXX']);
    assert.deepEqual(names('@TODO clean'), ['TODO']);
    assert.deepEqual(names('KLUDGE OPTIMIZE REVIEW BUG '), ['KLUDGE', 'OPTIMIZE', 'REVIEW', 'BUG']);
  });

  it('counts other spellings only directly before : or (', () => {
    assert.deepEqual(names('todo: x'), ['TODO']);
    assert.deepEqual(names('Fixme(bob) y'), ['FIXME']);
    assert.deepEqual(names('todo x'), []);
    assert.deepEqual(names('Fixme [x]'), []);
  });

  it('never counts prose, identifiers or anchors', () => {
    assert.deepEqual(names('fixes a bug in the parser'), []);
    assert.deepEqual(names('review the input first'), []);
    assert.deepEqual(names('variable named todo'), []);
    assert.deepEqual(names('+XXX_digest+'), []);
    assert.deepEqual(names('todoList and TODOS and myTODO'), []);
    assert.deepEqual(names('see https://example.com/page#TODO'), []);
    assert.deepEqual(names('path/TODO and obj.TODO'), []);
  });

  it('reads the argument in parentheses or brackets', () => {
    const [tag] = findMarkerTags('TODO(2025-06-30): x');
    assert.equal(tag.argument, '2025-06-30');
    assert.equal(tag.start, 0);
    assert.equal(tag.end, 4);
    assert.equal(findMarkerTags('FIXME[PROJ-1] y')[0].argument, 'PROJ-1');
    assert.equal(findMarkerTags('TODO: y')[0].argument, null);
  });
});
