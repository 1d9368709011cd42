import { strict as assert } from 'node:assert';
import { daysBetween, findDeadline, parseDeadlineDate } from '../../../src/core/rules/comments/deadlines';

const deadline = (text: string, argument: string | null = null): string | null => findDeadline(text, argument)?.iso ?? null;

describe('deadlines', () => {
  it('parses the forms, a period meaning its last day', () => {
    assert.equal(parseDeadlineDate('2025-06-30'), '2025-06-30');
    assert.equal(parseDeadlineDate('2025-06'), '2025-06-30');
    assert.equal(parseDeadlineDate('2024-02'), '2024-02-29');
    assert.equal(parseDeadlineDate('June 2025'), '2025-06-30');
    assert.equal(parseDeadlineDate('Jun 2025'), '2025-06-30');
    assert.equal(parseDeadlineDate('Q3 2025'), '2025-09-30');
    assert.equal(parseDeadlineDate('q4 2025'), '2025-12-31');
    assert.equal(parseDeadlineDate('2025-13'), null);
    assert.equal(parseDeadlineDate('2025-02-30'), null);
  });

  it('reads the tag argument', () => {
    assert.equal(deadline('TODO(2025-06-30) x', '2025-06-30'), '2025-06-30');
    assert.equal(deadline('FIXME[2025-06] x', '2025-06'), '2025-06-30');
    assert.equal(deadline('TODO(alice, 2026-01-15) x', 'alice, 2026-01-15'), '2026-01-15');
    assert.equal(deadline('TODO(alice) x', 'alice'), null);
  });

  it('reads dates after the deadline words', () => {
    assert.equal(deadline('remove by 2025-06-30'), '2025-06-30');
    assert.equal(deadline('keep until June 2026'), '2026-06-30');
    assert.equal(deadline('till Q1 2026'), '2026-03-31');
    assert.equal(deadline('do it before 2026-02'), '2026-02-28');
    assert.equal(deadline('due: 2026-03-01'), '2026-03-01');
    assert.equal(deadline('deadline 2026-03-01'), '2026-03-01');
    assert.equal(deadline('expires 2026-03-01'), '2026-03-01');
    assert.equal(deadline('no later than 2026-03-01'), '2026-03-01');
    assert.equal(deadline('remove after 2026-03-01'), '2026-03-01');
    assert.equal(deadline('drop this after Q2 2026'), '2026-06-30');
  });

  it('other dates are not deadlines', () => {
    assert.equal(deadline('after the 2023-01-01 migration'), null);
    assert.equal(deadline('Copyright 2019-2024 Acme'), null);
    assert.equal(deadline('(c) 2024 Acme'), null);
    assert.equal(deadline('format is 2025-06-30 in ISO'), null);
  });

  it('counts days between ISO dates', () => {
    assert.equal(daysBetween('2025-06-30', '2025-11-27'), 150);
    assert.equal(daysBetween('2025-11-27', '2025-11-27'), 0);
  });
});
