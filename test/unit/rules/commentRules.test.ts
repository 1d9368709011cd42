import { strict as assert } from 'node:assert';
import { rules, run, settings } from './helpers';

describe('comment rules', () => {
  describe('notes', () => {
    it('three # TODO lines are three notes, three findings', () => {
      const text = '# TODO: one\n# TODO: two\n# TODO: three\nx = 1\n';
      const found = run(text, { line: ['#'], languageId: 'python', path: 'a.py' });
      assert.deepEqual(rules(found), ['1:3 untracked-marker', '2:3 untracked-marker', '3:3 untracked-marker']);
      assert.deepEqual(found.map((f) => f.excerpt), ['TODO: one', 'TODO: two', 'TODO: three']);
    });

    it("a tag's continuation lines belong to it; text before the first tag is its own note", () => {
      const text = '// Parses the header.\n// TODO: handle BOM,\n// see PROJ-9 for the plan\nparse();\n';
      const found = run(text);
      assert.deepEqual(rules(found), ['2:4 tracked-marker']);
      assert.equal(found[0].ticket, 'PROJ-9');
      assert.equal(found[0].excerpt, 'TODO: handle BOM, see PROJ-9 for the plan');
    });

    it('a run of line comments is one comment only on consecutive lines', () => {
      const text = '// TODO: a\n\n// for now\n';
      assert.deepEqual(rules(run(text)), ['1:4 untracked-marker', '3:4 vague-deferral']);
    });

    it('a phrase on the second line of a two-line comment is placed on that line', () => {
      const text = '// The parser accepts tabs.\n// We will fix it next sprint.\nparse();\n';
      const [finding] = run(text);
      assert.equal(finding.ruleId, 'deferred-to-sprint');
      assert.equal(finding.line, 2);
      assert.equal(finding.column, 19);
      assert.equal(finding.endColumn, 30);
      assert.equal(finding.message, 'Deferred to "next sprint" with no ticket or date: link a ticket or set a deadline.');
    });

    it('a phrase broken over two comment lines is quoted on one line in the message', () => {
      const sprint = run('/*\n * We will fix this in the next\n * sprint, promise.\n */\nx();\n');
      assert.deepEqual(sprint.map((f) => f.message), ['Deferred to "next sprint" with no ticket or date: link a ticket or set a deadline.']);
      const vague = run('// We will do it\n// for\tnow\nx();\n');
      assert.deepEqual(vague.map((f) => f.message), ['"for now" defers work with no plan: link a ticket or set a deadline, or do it now.']);
    });

    it('strips block-comment gutters and doc-comment decoration', () => {
      const text = '/**\n * Reads it.\n * @TODO: cache the result\n */\nfunction read() {}\n';
      const [finding] = run(text);
      assert.equal(finding.ruleId, 'untracked-marker');
      assert.equal(finding.line, 3);
      assert.equal(finding.column, 4);
      assert.equal(finding.excerpt, '@TODO: cache the result');
      const roxygen = "#' @param x TODO: validate\nf <- function(x) x\n";
      assert.equal(run(roxygen, { line: ['#'], languageId: 'r', path: 'a.R' })[0].excerpt, 'TODO: validate');
      const rust = '/// TODO: document panics\nfn f() {}\n';
      assert.equal(run(rust, { languageId: 'rust', path: 'a.rs' })[0].excerpt, 'TODO: document panics');
    });
  });

  describe('precedence and messages', () => {
    it('untracked-marker names the tag and suggests a dated tag', () => {
      const [finding] = run('// FIXME handle errors\n');
      assert.equal(finding.ruleId, 'untracked-marker');
      assert.equal(finding.severity, 'information');
      assert.equal(finding.tag, 'FIXME');
      assert.equal(finding.message, 'FIXME with no ticket or deadline: link a ticket (e.g. PROJ-123) or add a date, FIXME(2025-12-31).');
      assert.equal(run('// TODO x\n', { now: '2025-12-20' })[0].message.endsWith('TODO(2026-12-31).'), true);
    });

    it('ticket + "next sprint" => tracked-marker', () => {
      const [finding] = run('// TODO(PROJ-12): finish next sprint\n');
      assert.equal(finding.ruleId, 'tracked-marker');
      assert.equal(finding.severity, 'hint');
      assert.equal(finding.ticket, 'PROJ-12');
      assert.equal(finding.message, 'TODO is tracked by PROJ-12: remove this comment when that work is done.');
    });

    it('past deadline + ticket => expired-deadline', () => {
      const [finding] = run('// TODO(2025-06-30): drop the shim, see PROJ-7\n');
      assert.equal(finding.ruleId, 'expired-deadline');
      assert.equal(finding.severity, 'error');
      assert.equal(finding.deadline, '2025-06-30');
      assert.equal(finding.ticket, 'PROJ-7');
      assert.equal(finding.message, 'Deadline 2025-06-30 passed 150 days ago: do the work, or re-plan it with a new ticket and date.');
    });

    it('expires only when today is after the deadline (a period ends on its last day)', () => {
      assert.equal(run('// TODO(2025-11-27): x\n')[0].ruleId, 'tracked-marker');
      assert.equal(run('// TODO(2025-11): x\n')[0].ruleId, 'tracked-marker');
      assert.equal(run('// TODO(2025-10): x\n')[0].ruleId, 'expired-deadline');
      assert.equal(run('// TODO: x, remove by Q3 2025\n')[0].ruleId, 'expired-deadline');
      assert.equal(run('// TODO: x, remove by Q4 2025\n')[0].ruleId, 'tracked-marker');
    });

    it('a deadline in the warning window stays tracked-marker, raised to warning', () => {
      const [soon] = run('// TODO(2025-12-05): rotate the key\n');
      assert.equal(soon.ruleId, 'tracked-marker');
      assert.equal(soon.severity, 'warning');
      assert.equal(soon.message, 'TODO is due in 8 days (2025-12-05): do the work now, or re-plan it with a new date.');
      assert.equal(run('// TODO(2025-11-27): x\n')[0].message.startsWith('TODO is due today'), true);
      const [later] = run('// TODO(2026-03-01): rotate the key\n');
      assert.equal(later.severity, 'hint');
      assert.equal(later.message, 'TODO is due 2026-03-01: do the work before then, or re-plan it.');
      const narrow = settings({ deadlineWarningDays: 3 });
      assert.equal(run('// TODO(2025-12-05): x\n', { settings: narrow })[0].severity, 'hint');
    });

    it('deferred-to-sprint beats vague-deferral beats untracked-marker', () => {
      assert.equal(run('// TODO: for now, fix next sprint\n')[0].ruleId, 'deferred-to-sprint');
      assert.equal(run('// TODO: quick hack\n')[0].ruleId, 'vague-deferral');
      assert.equal(run('// TODO: quick hack\n')[0].column, 4);
      assert.equal(run('// for now, fix next sprint\n')[0].column, 17);
    });

    it('a deferral without a tag is judged the same way', () => {
      assert.equal(run('// for now, see #42\n')[0].ruleId, 'tracked-marker');
      assert.equal(run('// hacky, fine until 2026-06\n')[0].ruleId, 'tracked-marker');
      assert.equal(run('// hacky, was due by 2025-01\n')[0].ruleId, 'vague-deferral');
      assert.equal(run('// Deferral tracked\n').length, 0);
    });

    it('at most one finding per note', () => {
      assert.equal(run('// TODO: for now, quick hack, next sprint, tech debt\n').length, 1);
    });
  });

  describe('traps that are not findings', () => {
    const quiet = [
      '// fixes a bug in the parser\n',
      '// writes a temporary file\n',
      '// only in later versions\n',
      '// calls the v2 API\n',
      '// in the next line we parse\n',
      '// the cache is eventually consistent\n',
      '// variable named todo\n',
      '// see https://example.com/docs#TODO\n',
      '// Copyright 2019-2025 Acme Corp.\n',
      '// migrated after the 2023-01-01 cut-over\n',
      '// review the input before saving\n',
      'const todoList = ["TODO: not a comment"];\n',
    ];
    for (const text of quiet) {
      it(`stays quiet: ${text.trim()}`, () => assert.deepEqual(rules(run(text)), []));
    }
  });

  describe('configuration', () => {
    it("'off' silences a rule; the next applicable rule speaks for the note", () => {
      const off = settings({ severities: { 'deferred-to-sprint': 'off' } });
      assert.equal(run('// TODO: next sprint\n', { settings: off })[0].ruleId, 'untracked-marker');
      assert.equal(run('// next sprint\n', { settings: off }).length, 0);
      const hint = settings({ severities: { 'untracked-marker': 'hint' } });
      assert.equal(run('// TODO x\n', { settings: hint })[0].severity, 'hint');
    });

    it('user phrases and ticket patterns apply', () => {
      const custom = settings({ phrases: { 'vague-deferral': [/\bbodge\b/i], 'deferred-to-sprint': [/\bnext train\b/i] }, ticketPatterns: [/\bacme\/\d+\b/] });
      assert.equal(run('// what a bodge\n', { settings: custom })[0].ruleId, 'vague-deferral');
      assert.equal(run('// ship it on the next train\n', { settings: custom })[0].ruleId, 'deferred-to-sprint');
      assert.equal(run('// TODO: see acme/12\n', { settings: custom })[0].ticket, 'acme/12');
    });

    it('principle comes from the settings', () => {
      const withPrinciple = settings({ principles: [{ id: 'ENG-02', rules: ['untracked-marker'], appliesTo: ['**'] }] });
      assert.equal(run('// TODO x\n', { settings: withPrinciple })[0].principle, 'ENG-02');
      assert.equal(run('// TODO x\n')[0].principle, null);
    });

    it('the principle cited is the strongest one that applies to the file (appliesTo), or none', () => {
      // Strongest first, as principleScopes orders them: ENG-05 (must) is for src/ only.
      const scoped = settings({
        principles: [
          { id: 'ENG-05', rules: ['untracked-marker'], appliesTo: ['src/**'] },
          { id: 'ENG-09', rules: ['untracked-marker'], appliesTo: ['test/**'] },
        ],
      });
      const principleIn = (path: string): string | null => run('// TODO x\n', { settings: scoped, path })[0].principle;
      assert.equal(principleIn('src/a.ts'), 'ENG-05');
      assert.equal(principleIn('test/b.ts'), 'ENG-09');
      assert.equal(principleIn('other.ts'), null);
    });
  });
});
