import * as assert from 'node:assert/strict';
import { agePhrase, monthsBetween, relativeAge } from '../../../src/core/age';
import { findingLabel, lensTitle } from '../../../src/core/inline/findingLabel';
import { principleSummary } from '../../../src/core/inline/principleText';
import { fixesFor } from '../../../src/core/inline/quickFixes';
import { allTickets, ticketLink } from '../../../src/core/inline/ticketRefs';
import { defaultEngineSettings, type EngineSettings } from '../../../src/core/config/model';
import { parseCommentConfig } from '../../../src/core/languageConfiguration';
import { analyze } from '../engine/helpers';

const NOW = new Date(2025, 10, 27, 15, 0);

function ago(months: number, days = 0): Date {
  return new Date(NOW.getFullYear(), NOW.getMonth() - months, NOW.getDate() - days, 9, 0);
}

describe('age phrases', () => {
  it('says 7 months ago (≈15 sprints) for a line written seven months ago', () => {
    assert.equal(agePhrase(ago(7), NOW, 14), '7 months ago (≈15 sprints)');
    assert.equal(agePhrase(ago(7), NOW, 7), '7 months ago (≈31 sprints)');
  });

  it('uses days, weeks, months and years, with sprints only after one sprint', () => {
    assert.equal(agePhrase(new Date(NOW.getTime() - 3600_000), NOW, 14), 'today');
    assert.equal(relativeAge(ago(0, 1), NOW), 'yesterday');
    assert.equal(agePhrase(ago(0, 5), NOW, 14), '5 days ago');
    assert.equal(agePhrase(ago(0, 15), NOW, 14), '2 weeks ago (≈1 sprint)');
    assert.equal(agePhrase(ago(14), NOW, 14), '1 year ago (≈30 sprints)');
    assert.equal(relativeAge(ago(30), NOW), '2 years ago');
  });

  it('counts calendar months, and never a negative age', () => {
    assert.equal(monthsBetween(new Date(2025, 0, 31), new Date(2025, 1, 28)), 0);
    assert.equal(monthsBetween(new Date(2025, 0, 28), new Date(2025, 1, 28)), 1);
    assert.equal(relativeAge(new Date(NOW.getTime() + 86_400_000 * 2), NOW), 'today');
  });
});

describe('CodeLens labels', () => {
  const settings = { ...defaultEngineSettings(), principles: [{ id: 'ENG-02', rules: ['deferred-to-sprint'], appliesTo: ['**'] }] } satisfies EngineSettings;

  it('names the deferral phrase and the principle', () => {
    const [finding] = analyze('typescript', 'a.ts', "// TODO: we'll fix it next sprint\n", settings);
    assert.equal(findingLabel(finding), 'deferred to "next sprint"');
    assert.equal(
      lensTitle(findingLabel(finding), '7 months ago (≈15 sprints)', { id: 'ENG-02', title: 'Value over MVP shortcuts' }),
      'QA: deferred to "next sprint" 7 months ago (≈15 sprints) · ENG-02 Value over MVP shortcuts',
    );
  });

  it('shows "due in N days" for a deadline inside the warning window', () => {
    const [finding] = analyze('typescript', 'a.ts', '// TODO(2025-12-02): drop the flag\n');
    assert.equal(finding.severity, 'warning');
    assert.equal(findingLabel(finding), 'TODO due in 5 days');
  });

  it('has a label for every rule', () => {
    const text = [
      '// TODO(2025-01-31): x',
      'f();',
    '// quick hack',
      '// FIXME: y',
      '// eslint-disable-next-line',
      'try { f(); } catch {}',
      'const a = { rejectUnauthorized: false };',
    ].join('\n');
    const labels = analyze('typescript', 'a.ts', text).map(findingLabel);
    assert.deepEqual(labels, [
      'TODO deadline 2025-01-31 has passed',
      '"quick hack" with no plan',
      'FIXME with no ticket or deadline',
      'check switched off without a reason',
      'error swallowed',
      'security switched off',
    ]);
  });
});

describe('quick fixes offered', () => {
  it('depends on the rule and the directive', () => {
    const text = ['// TODO: x', '// @ts-ignore', 'f();', '// @ts-nocheck', '// eslint-disable-line', 'try { f(); } catch {}'].join('\n');
    const settings = { ...defaultEngineSettings(), principles: [{ id: 'ENG-05', rules: ['swallowed-error'], appliesTo: ['**'] }] } satisfies EngineSettings;
    const lines = text.split('\n');
    const offered = analyze('typescript', 'a.ts', text, settings).map((f) => `${f.line}:${fixesFor(f, lines[f.line - 1]).join(',')}`);
    assert.deepEqual(offered, ['1:addTicket,addDeadline,ignoreFinding', '2:convertTsIgnore', '4:', '5:addReason', '6:ignoreFinding,openPrinciple']);
  });
});

describe('principle summary and ticket links', () => {
  it('takes the first paragraph of prose, not the metadata or How to check', () => {
    const body = '<!-- qa-lens: {"rules": []} -->\n\nShortcuts cost\nmore later.\n\nSecond.\n\n**How to check:** Is there a ticket?';
    assert.equal(principleSummary(body), 'Shortcuts cost more later.');
    assert.ok(principleSummary('a'.repeat(500)).endsWith('…'));
  });

  it('finds every ticket reference and links it', () => {
    assert.deepEqual(allTickets('see SHOP-12 and #7, not UTF-8; PROJ-3', []).map((t) => t.text), ['SHOP-12', '#7', 'PROJ-3']);
    assert.equal(ticketLink('https://acme.atlassian.net/browse/{id}', 'SHOP-12'), 'https://acme.atlassian.net/browse/SHOP-12');
    assert.equal(ticketLink('https://github.com/a/b/issues/{id}', '#7'), 'https://github.com/a/b/issues/7');
    assert.equal(ticketLink('https://x/{id}', 'https://github.com/a/b/issues/1'), null);
  });
});

describe('language-configuration.json comments', () => {
  it('reads JSONC with comments and trailing commas, keeping // inside strings', () => {
    const text = '{\n  // comment symbols\n  "comments": { "lineComment": "//", "blockComment": ["/*", "*/"], },\n  /* brackets */ "brackets": [["{", "}"],],\n}';
    assert.deepEqual(parseCommentConfig(text), { lineComment: '//', blockComment: ['/*', '*/'] });
    assert.deepEqual(parseCommentConfig('{"comments": {"lineComment": {"comment": ";;"}}}'), { lineComment: { comment: ';;' } });
    assert.equal(parseCommentConfig('{"brackets": []}'), null);
    assert.equal(parseCommentConfig('not json'), null);
  });
});
