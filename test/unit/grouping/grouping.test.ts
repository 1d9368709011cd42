import * as assert from 'node:assert/strict';
import { ageBucket, describeCounts, filterFindings, groupFindings, isFiltering, NO_FILTER, readFilter, type Age } from '../../../src/core/grouping';
import type { RuleId } from '../../../src/core/rules/ids';
import type { Finding, Severity } from '../../../src/core/types';

function finding(path: string, line: number, ruleId: RuleId, severity: Severity): Finding {
  return { ruleId, severity, path, line, column: 1, endLine: line, endColumn: 5, message: `${ruleId} at ${path}:${line}`, excerpt: 'x', tag: null, ticket: null, deadline: null, principle: null, fingerprint: `${path}:${line}` };
}

const FINDINGS: Finding[] = [
  finding('src/b.ts', 9, 'untracked-marker', 'information'),
  finding('src/a.ts', 3, 'swallowed-error', 'warning'),
  finding('src/a.ts', 1, 'untracked-marker', 'information'),
  finding('src/c.ts', 2, 'expired-deadline', 'error'),
  finding('src/b.ts', 1, 'untracked-marker', 'information'),
];
const opts = { finding: (f: Finding) => f, path: (f: Finding) => f.path };

describe('grouping: the Shortcuts view groups', () => {
  it('by rule: most severe rule first, then by count; items in path and line order', () => {
    const groups = groupFindings(FINDINGS, 'rule', opts);
    assert.deepEqual(groups.map((g) => [g.key, g.items.length, g.severity]), [
      ['expired-deadline', 1, 'error'],
      ['swallowed-error', 1, 'warning'],
      ['untracked-marker', 3, 'information'],
    ]);
    assert.equal(groups[0]?.label, 'Expired deadline');
    assert.deepEqual(groups[2]?.items.map((f) => `${f.path}:${f.line}`), ['src/a.ts:1', 'src/b.ts:1', 'src/b.ts:9']);
  });

  it('by file: path order, with the worst severity of each file', () => {
    const groups = groupFindings(FINDINGS, 'file', opts);
    assert.deepEqual(groups.map((g) => [g.label, g.items.length, g.severity]), [
      ['src/a.ts', 2, 'warning'],
      ['src/b.ts', 2, 'information'],
      ['src/c.ts', 1, 'error'],
    ]);
  });

  it('by age: newest first, uncommitted before dated, unknown last', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    const ages: Record<string, Age> = {
      'src/a.ts:1': { kind: 'dated', date: new Date('2026-06-25T00:00:00Z') },
      'src/a.ts:3': { kind: 'dated', date: new Date('2024-01-01T00:00:00Z') },
      'src/b.ts:1': { kind: 'uncommitted' },
      'src/b.ts:9': { kind: 'dated', date: new Date('2026-06-10T00:00:00Z') },
    };
    const groups = groupFindings(FINDINGS, 'age', { ...opts, now, sprintLengthDays: 14, age: (f) => ages[`${f.path}:${f.line}`] ?? { kind: 'unknown' } });
    assert.deepEqual(groups.map((g) => [g.key, g.items.map((f) => `${f.path}:${f.line}`)]), [
      ['0-uncommitted', ['src/b.ts:1']],
      ['1-sprint', ['src/a.ts:1']],
      ['2-last-sprint', ['src/b.ts:9']],
      ['5-older', ['src/a.ts:3']],
      ['9-unknown', ['src/c.ts:2']],
    ]);
  });

  it('age buckets follow the sprint length', () => {
    const now = new Date('2026-06-30T00:00:00Z');
    const daysAgo = (n: number): Age => ({ kind: 'dated', date: new Date(now.getTime() - n * 86_400_000) });
    assert.equal(ageBucket(daysAgo(6), now, 7).key, '1-sprint');
    assert.equal(ageBucket(daysAgo(8), now, 7).key, '2-last-sprint');
    assert.equal(ageBucket(daysAgo(15), now, 7).key, '3-quarter');
    assert.equal(ageBucket(daysAgo(15), now, 14).key, '2-last-sprint');
    assert.equal(ageBucket(daysAgo(200), now, 14).key, '4-year');
    assert.equal(ageBucket(daysAgo(400), now, 14).key, '5-older');
  });
});

describe('grouping: filters', () => {
  it('severity and rule filters combine; empty means all', () => {
    assert.equal(filterFindings(FINDINGS, NO_FILTER, (f) => f).length, 5);
    const onlyInfo = filterFindings(FINDINGS, { ...NO_FILTER, severities: ['information'] }, (f) => f);
    assert.equal(onlyInfo.length, 3);
    const both = filterFindings(FINDINGS, { severities: ['warning', 'error'], rules: ['swallowed-error'], onlyChanged: false }, (f) => f);
    assert.deepEqual(both.map((f) => f.ruleId), ['swallowed-error']);
  });

  it('"only my changes" keeps what the predicate says changed, and nothing without one', () => {
    const filter = { ...NO_FILTER, onlyChanged: true };
    assert.deepEqual(filterFindings(FINDINGS, filter, (f) => f), []);
    const changed = filterFindings(FINDINGS, filter, (f) => f, (f) => f.path === 'src/b.ts');
    assert.deepEqual(changed.map((f) => f.line), [9, 1]);
  });

  it('a stored filter is read defensively', () => {
    assert.deepEqual(readFilter(undefined), NO_FILTER);
    assert.deepEqual(readFilter({ severities: ['error', 'bogus', 3], rules: ['no-such-rule', 'focused-test'], onlyChanged: 'yes' }), { severities: ['error'], rules: ['focused-test'], onlyChanged: false });
    assert.equal(isFiltering(NO_FILTER), false);
    assert.equal(isFiltering({ ...NO_FILTER, onlyChanged: true }), true);
  });

  it('describes counts most severe first', () => {
    assert.equal(describeCounts(FINDINGS), '1 error, 1 warning, 3 infos');
    assert.equal(describeCounts([]), 'no findings');
  });
});
