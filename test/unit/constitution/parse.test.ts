import { strict as assert } from 'node:assert';
import { formatProblem } from '../../../src/core/types';
import { lines, problemsOf, useConstitutionLoader } from './tempDir';

describe('constitution parsing (real files)', () => {
  const load = useConstitutionLoader();

  it('reads front matter, principles, metadata, body, How to check and line ranges', async () => {
    const result = await load(lines(
      '---', //                                                       1
      'title: Acme engineering constitution', //                      2
      'version: 1.3.0', //                                            3
      'ratified: 2025-02-01', //                                      4
      'lastReviewed: 2026-06-10', //                                  5
      '---', //                                                       6
      'Why we keep this document.', //                                7
      '', //                                                          8
      '## ENG-05 Fail loudly, recover deliberately', //              9
      '<!-- qa: { level: must, appliesTo: ["src/**"], rules: [swallowed-error], checklists: [error-handling] } -->', // 10
      '**Why:** errors that vanish come back as corrupt data.', //    11
      '**How to check:** Is every caught error handled,', //          12
      '  reported or explained?', //                                  13
      '', //                                                          14
      '### Examples', //                                              15
      'Some text.', //                                                16
      '', //                                                          17
      '', //                                                          18
      '## Glossary', //                                               19
      'Terms.', //                                                    20
      '## ENG-06 Plain principle', //                                 21
      'Body only.', //                                                22
    ));
    assert.deepEqual(problemsOf(result), []);
    const c = result.constitution;
    assert.equal(c.source, '.quality/constitution.md');
    assert.equal(c.title, 'Acme engineering constitution');
    assert.equal(c.version, '1.3.0');
    assert.equal(c.ratified, '2025-02-01');
    assert.equal(c.lastReviewed, '2026-06-10');
    assert.equal(c.intro, 'Why we keep this document.');
    assert.equal(c.principles.length, 2);
    const [eng5, eng6] = c.principles;
    assert.deepEqual(
      { id: eng5.id, title: eng5.title, level: eng5.level, appliesTo: eng5.appliesTo, rules: eng5.rules, checklists: eng5.checklists, status: eng5.status, line: eng5.line, endLine: eng5.endLine },
      { id: 'ENG-05', title: 'Fail loudly, recover deliberately', level: 'must', appliesTo: ['src/**'], rules: ['swallowed-error'], checklists: ['error-handling'], status: 'active', line: 9, endLine: 16 },
    );
    assert.equal(eng5.howToCheck, 'Is every caught error handled, reported or explained?');
    assert.ok(eng5.body.startsWith('**Why:** errors that vanish'), 'the body starts under the metadata comment');
    assert.ok(eng5.body.endsWith('Some text.'));
    assert.ok(!eng5.body.includes('<!--'));
    assert.deepEqual(
      { level: eng6.level, appliesTo: eng6.appliesTo, rules: eng6.rules, status: eng6.status, howToCheck: eng6.howToCheck, line: eng6.line, endLine: eng6.endLine, body: eng6.body },
      { level: 'should', appliesTo: ['**'], rules: [], status: 'active', howToCheck: null, line: 21, endLine: 22, body: 'Body only.' },
    );
  });

  it('takes How to check from its own paragraph, and joins a list right under an empty one', async () => {
    const result = await load(lines(
      '## ENG-01 One',
      '**Why:** because.',
      '',
      '**How to check:** Does it `work`?',
      '',
      '## ENG-02 Two',
      '**How to check:**',
      '',
      '- Is it tested?',
      '- Is it reviewed?',
      '',
      'After.',
    ));
    assert.deepEqual(problemsOf(result), []);
    assert.deepEqual(result.constitution.principles.map((p) => p.howToCheck), ['Does it `work`?', 'Is it tested? Is it reviewed?']);
  });

  it('accepts "ID: Title" and setext headings, and keeps CRLF files on the right lines', async () => {
    const result = await load('Intro\r\n\r\n## ENG-01: Colon title\r\nText\r\n\r\nENG-02 Setext title\r\n---\r\n<!-- qa: { level: nope } -->\r\n');
    assert.deepEqual(result.constitution.principles.map((p) => [p.id, p.title, p.line]), [['ENG-01', 'Colon title', 3], ['ENG-02', 'Setext title', 6]]);
    assert.deepEqual(problemsOf(result), [".quality/constitution.md:8:19: level must be must, should, consider, not \"nope\" (ENG-02 is read as 'should')"]);
  });

  describe('each malformed case is a problem at its line, and the valid principles still load', () => {
    it('bad YAML in the metadata, at the position inside the file (second line of the comment)', async () => {
      const result = await load(lines(
        '## ENG-01 Good', //                              1
        '<!-- qa: { level: must } -->', //                2
        '## ENG-02 Broken', //                            3
        '<!-- qa: { level: must,', //                     4
        '   rules: [swallowed-error } -->', //            5
        'Text.', //                                       6
      ));
      const problems = problemsOf(result);
      assert.ok(problems.length >= 1);
      assert.match(problems[0], /^\.quality\/constitution\.md:5:\d+: invalid YAML in the qa metadata of ENG-02: /);
      const column = Number(problems[0].split(':')[2]);
      assert.ok(column > 3 && column <= 30, `column ${column} points inside line 5`);
      assert.deepEqual(result.constitution.principles.map((p) => [p.id, p.level]), [['ENG-01', 'must'], ['ENG-02', 'should']]);
    });

    it('bad YAML in the front matter, on the file line', async () => {
      const result = await load(lines('---', 'title: ok', 'version: [1.0', '---', '## ENG-01 Still here'));
      const problems = problemsOf(result);
      assert.ok(problems.length >= 1);
      assert.match(problems[0], /^\.quality\/constitution\.md:[34]:\d+: invalid YAML in the front matter/);
      assert.equal(result.constitution.principles.length, 1);
    });

    it('front matter values: version not semver, dates not ISO, unknown key, reviewed before ratified', async () => {
      const result = await load(lines(
        '---',
        'title: T',
        'version: 1.3',
        'ratified: 2025-02-30',
        'lastReviewd: 2025-01-01',
        '---',
        '## ENG-01 P',
      ));
      assert.deepEqual(problemsOf(result), [
        ".quality/constitution.md:3:10: version 1.3 is not a semantic version: write all three parts, e.g. '1.3.0'",
        '.quality/constitution.md:4:11: ratified must be an ISO date (YYYY-MM-DD), not "2025-02-30"',
        ".quality/constitution.md:5:1: unknown front matter key 'lastReviewd' (did you mean 'lastReviewed'?); known keys: title, version, ratified, lastReviewed",
      ]);
      assert.equal(result.constitution.version, null);
      const reversed = await load(lines('---', 'version: 2.0.0-rc.1', 'ratified: 2025-02-01', 'lastReviewed: 2024-12-31', '---', '## ENG-01 P'));
      assert.deepEqual(problemsOf(reversed), ['.quality/constitution.md:4:15: lastReviewed (2024-12-31) is before ratified (2025-02-01)']);
      assert.equal(reversed.constitution.version, '2.0.0-rc.1');
    });

    it('front matter that is never closed', async () => {
      const result = await load(lines('---', 'title: T', '## ENG-01 P'));
      assert.deepEqual(problemsOf(result), [".quality/constitution.md:1:1: front matter opened with '---' on line 1 is never closed: add a '---' line after it"]);
      assert.equal(result.constitution.principles.length, 1);
    });

    it('duplicate ids: the first wins, the second is reported on its heading', async () => {
      const result = await load(lines('## ENG-01 First', 'a', '', '## ENG-01 Second', 'b'));
      assert.deepEqual(problemsOf(result), ['.quality/constitution.md:4:1: duplicate principle id ENG-01 (first used on line 1); this one is ignored']);
      assert.deepEqual(result.constitution.principles.map((p) => p.title), ['First']);
    });

    it('a heading that wants an id (eng-5, Eng_05, eng_123) is reported with a two-digit suggestion; Glossary, Step 1 and utf-8 are sections', async () => {
      const result = await load(lines('## eng-5 Foo', '## Glossary', '## Step 1 set up', '## utf-8 everywhere', '## ENG-02 Real', '## Eng_05 Bar', '## eng_123 Baz'));
      assert.deepEqual(problemsOf(result), [
        ".quality/constitution.md:1:1: 'eng-5' looks like a principle id but is not one: ids are capital letters or digits, a hyphen and a number (like 'ENG-05'), so this section is not read as a principle",
        ".quality/constitution.md:6:1: 'Eng_05' looks like a principle id but is not one: ids are capital letters or digits, a hyphen and a number (like 'ENG-05'), so this section is not read as a principle",
        ".quality/constitution.md:7:1: 'eng_123' looks like a principle id but is not one: ids are capital letters or digits, a hyphen and a number (like 'ENG-123'), so this section is not read as a principle",
      ]);
      assert.deepEqual(result.constitution.principles.map((p) => p.id), ['ENG-02']);
    });

    it('qa metadata under a heading without an id is a missing id; one elsewhere is ignored with a warning', async () => {
      const result = await load(lines('## Glossary', '<!-- qa: { level: must } -->', '## ENG-01 P', 'Text', '<!-- qa: { level: must } -->'));
      assert.deepEqual(problemsOf(result), [
        ".quality/constitution.md:1:1: the heading 'Glossary' has qa metadata but no principle id: start it with one, e.g. '## ENG-01 Glossary'",
        '.quality/constitution.md:5:1: this qa metadata comment is not directly under a principle heading, so it is ignored',
      ]);
      assert.equal(result.constitution.principles[0].level, 'should');
    });

    it('unknown rule ids and unknown keys at their column; the rest of the metadata still applies', async () => {
      const result = await load(lines(
        '## ENG-01 P',
        '<!-- qa: { level: must, rules: [swallowed-errors, insecure-shortcut], levle: should } -->',
      ));
      assert.deepEqual(problemsOf(result), [
        ".quality/constitution.md:2:33: unknown rule id 'swallowed-errors' in ENG-01 (did you mean 'swallowed-error'?); rule ids are: expired-deadline, deferred-to-sprint, vague-deferral, untracked-marker, tracked-marker, suppressed-check, skipped-test, focused-test, swallowed-error, insecure-shortcut",
        ".quality/constitution.md:2:71: unknown key 'levle' in the qa metadata of ENG-01 (did you mean 'level'?); known keys: level, appliesTo, rules, checklists, status",
      ]);
      const [p] = result.constitution.principles;
      assert.equal(p.level, 'must');
      assert.deepEqual(p.rules, ['insecure-shortcut']);
    });

    it('bad level and status values fall back to the defaults', async () => {
      const result = await load(lines('## ENG-01 P', '<!-- qa: { level: mandatory, status: deprecated, rules: [focused-test] } -->'));
      assert.deepEqual(problemsOf(result), [
        ".quality/constitution.md:2:19: level must be must, should, consider, not \"mandatory\" (ENG-01 is read as 'should')",
        ".quality/constitution.md:2:38: status must be active or retired, not \"deprecated\" (ENG-01 is read as 'active')",
      ]);
      assert.deepEqual([result.constitution.principles[0].level, result.constitution.principles[0].status, result.constitution.principles[0].rules], ['should', 'active', ['focused-test']]);
    });

    it('bad globs (unbalanced, empty, absolute, not text) are reported; the good ones are kept', async () => {
      const result = await load(lines('## ENG-01 P', '<!-- qa: { appliesTo: ["src/[a", "", "/abs/**", 3, "lib/**"] } -->'));
      const problems = problemsOf(result);
      assert.equal(problems.length, 4, problems.join('\n'));
      assert.match(problems[0], /^\.quality\/constitution\.md:2:24: glob 'src\/\[a' is invalid: /);
      assert.equal(problems[1], '.quality/constitution.md:2:34: appliesTo must not contain an empty string');
      assert.match(problems[2], /^\.quality\/constitution\.md:2:38: glob '\/abs\/\*\*' is absolute/);
      assert.equal(problems[3], '.quality/constitution.md:2:49: appliesTo must list text values, not 3');
      assert.deepEqual(result.constitution.principles[0].appliesTo, ['lib/**']);
    });

    it('metadata that is not a mapping, or never closed', async () => {
      const result = await load(lines('## ENG-01 P', '<!-- qa: must -->', '## ENG-02 Q', '<!-- qa: { level: must }', 'text'));
      assert.deepEqual(problemsOf(result), [
        '.quality/constitution.md:2:10: the qa metadata of ENG-01 must be a mapping such as { level: must, rules: [swallowed-error] }, not "must"',
        ".quality/constitution.md:4:1: the qa metadata of ENG-02 is never closed with '-->'",
      ]);
      assert.equal(result.constitution.principles.length, 2);
    });

    it('a constitution without principles is a problem', async () => {
      const result = await load(lines('# Our rules', '', '## Glossary', 'Nothing here.'));
      assert.deepEqual(problemsOf(result), [".quality/constitution.md:1:1: the constitution has no principles: each is a level-2 heading that starts with an id, like '## ENG-01 Fail loudly'"]);
      assert.equal(result.constitution.title, 'Our rules');
    });

    it('never throws on hostile input', async () => {
      const inputs = ['', '---', '---\n---', '<!-- qa:', '## ENG-1\n<!-- qa: *a -->', '## ENG-1\n<!-- qa: &a [*a] -->', '\u0000\u0001## ENG-1', '## ENG-1 x\n<!-- qa: { rules: {a: 1}, appliesTo: {b: 2} } -->'];
      for (const input of inputs) {
        const result = await load(input);
        assert.ok(Array.isArray(result.problems));
        for (const problem of result.problems) assert.ok(problem.line >= 1 && problem.column >= 1, formatProblem(problem));
      }
    });
  });
});
