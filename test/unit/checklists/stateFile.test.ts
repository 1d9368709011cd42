import * as assert from 'node:assert/strict';
import { readStateFile } from '../../../src/core/checklists/stateFile';

const W = 'file:///w';

/** A state file as the editor writes it (pretty-printed), with `items` for checklist `db` of a.sql. */
function stateText(items: Record<string, unknown>): string {
  return `${JSON.stringify({ version: 1, entries: { [W]: { main: { 'a.sql': { db: items } } } } }, null, 2)}\n`;
}

/** `line:column message-start` of each problem. */
function where(text: string): string[] {
  return readStateFile(text).problems.map((p) => `${p.line}:${p.column} ${p.message.slice(0, 40)}`);
}

describe('checklist state file: problems at their line and column', () => {
  it('a valid file has no problems and reads whole', () => {
    const read = readStateFile(stateText({ 'DB-01': { status: 'addressed' }, 'DB-02': { status: 'deviates', reason: 'locks are fine here' } }));
    assert.deepEqual(read.problems, []);
    assert.deepEqual(Object.keys(read.document.entries[W].main['a.sql'].db), ['DB-01', 'DB-02']);
  });

  it('JSON that does not parse: one problem where it stops, nothing read', () => {
    const text = stateText({ 'DB-01': { status: 'addressed', reason: 'x' } }).replace('"addressed",', '"addressed"');
    const read = readStateFile(text);
    assert.equal(read.problems.length, 1);
    const reasonLine = text.split('\n').findIndex((line) => line.includes('"reason"')) + 1;
    assert.equal(read.problems[0].line, reasonLine);
    assert.match(read.problems[0].message, /^not valid JSON: expected "," or "\}"/);
    assert.deepEqual(read.document.entries, {});
  });

  it('an empty file (an editor half-way through saving) is a problem on line 1', () => {
    assert.deepEqual(where(''), ['1:1 not valid JSON: the file is empty: expec']);
  });

  it('a bad state is reported at the value at fault; the valid states are still read', () => {
    const text = stateText({ 'DB-01': { status: 'done' }, 'DB-02': { status: 'deviates', reason: '-' }, 'DB-03': { status: 'deviates' }, 'DB-04': { status: 'addressed' } });
    const lines = text.split('\n');
    const line = (fragment: string): number => lines.findIndex((l) => l.includes(fragment)) + 1;
    const column = (fragment: string, value: string): number => lines[line(fragment) - 1].indexOf(value) + 1;
    assert.deepEqual(where(text), [
      `${line('"done"')}:${column('"done"', '"done"')} ${`${W} / main / a.sql / db / DB-01: status must`.slice(0, 40)}`,
      `${line('"-"')}:${column('"-"', '"-"')} ${`${W} / main / a.sql / db / DB-02: 'deviates' needs`.slice(0, 40)}`,
      // No reason to point at: the status that needs one.
      `${line('"DB-03"') + 1}:${lines[line('"DB-03"')].indexOf('"deviates"') + 1} ${`${W} / main / a.sql / db / DB-03: 'deviates' needs`.slice(0, 40)}`,
    ]);
    assert.deepEqual(Object.keys(readStateFile(text).document.entries[W].main['a.sql'].db), ['DB-04']);
  });

  it('a level that is not an object, and a document that is not version 1', () => {
    const text = `{\n  "version": 1,\n  "entries": {\n    "${W}": {\n      "main": []\n    }\n  }\n}\n`;
    assert.deepEqual(where(text), [`5:15 ${`${W} / main: expected an object keyed by file`.slice(0, 40)}`]);
    assert.deepEqual(where('{\n  "version": 2,\n  "entries": {}\n}\n'), ['2:14 not a version 1 checklist state document']);
    assert.deepEqual(where('[]'), ['1:1 not a version 1 checklist state document']);
  });

  it('names that are JavaScript\'s own (`__proto__`, `constructor`) stay plain keys', () => {
    const text = '{"version": 1, "entries": {"__proto__": {"constructor": {"a.ts": {"db": {"DB-01": {"status": "addressed"}}}}}}}';
    const read = readStateFile(text);
    assert.deepEqual(read.problems, []);
    const proto = Object.getOwnPropertyDescriptor(read.document.entries, '__proto__')?.value as (typeof read.document.entries)[string] | undefined;
    const branch: string = 'constructor';
    assert.equal(proto?.[branch]['a.ts'].db['DB-01'].status, 'addressed');
  });
});
