import { strict as assert } from 'node:assert';
import { principleForRule } from '../../../src/core/constitution/apply';
import { classifyHeading } from '../../../src/core/constitution/heading';
import { lines, problemsOf, useConstitutionLoader } from './tempDir';

/**
 * Edges of the constitution format (formats.md) the parsing tests leave open; each was found by
 * changing the parser by one token and seeing no test fail. Real files in a temporary folder.
 */
describe('constitution parsing edges (real files)', () => {
  const load = useConstitutionLoader();

  it('an em dash between id and title is a separator', () => {
    assert.deepEqual(classifyHeading('ENG-05 — Fail loudly'), { kind: 'principle', id: 'ENG-05', title: 'Fail loudly' });
  });

  it('an id dressed in Markdown (bold, code, brackets, a link) is no principle, and is reported at its heading', async () => {
    const result = await load(lines('## **ENG-01** Bold', '## `ENG-02` Code', '## [ENG-03] Brackets', '## [ENG-04](https://wiki/x) Link', '## **ENG-05 Bold title**', '## ENG-06 Plain', '## **Note** on style'));
    assert.deepEqual(result.constitution.principles.map((p) => p.id), ['ENG-06']);
    const message = (word: string, id: string): string => `the principle id in '${word}' is inside Markdown markup, so this section is not read as a principle: start the heading with the id as plain text, '## ${id} …'`;
    assert.deepEqual(problemsOf(result), [
      `.quality/constitution.md:1:1: ${message('**ENG-01**', 'ENG-01')}`,
      `.quality/constitution.md:2:1: ${message('`ENG-02`', 'ENG-02')}`,
      `.quality/constitution.md:3:1: ${message('[ENG-03]', 'ENG-03')}`,
      `.quality/constitution.md:4:1: ${message('[ENG-04](https://wiki/x)', 'ENG-04')}`,
      `.quality/constitution.md:5:1: ${message('**ENG-05', 'ENG-05')}`,
    ]);
  });

  it('a principle with no title is read, with a warning at its heading', async () => {
    const result = await load(lines('# C', '', '## ENG-01', '', 'Body.'));
    assert.deepEqual(result.constitution.principles.map((p) => [p.id, p.title]), [['ENG-01', '']]);
    assert.deepEqual(problemsOf(result), ['.quality/constitution.md:3:1: principle ENG-01 has no title: write it after the id on the heading line']);
  });

  it('a heading inside a block quote or a list is no principle', async () => {
    const result = await load(lines('## ENG-01 Real', '', '> ## ENG-02 Quoted', '', '- ## ENG-03 Listed'));
    assert.deepEqual(result.constitution.principles.map((p) => p.id), ['ENG-01']);
  });

  it('How to check is found whatever its capitals, and stops at the next bold label', async () => {
    const result = await load(lines('## ENG-01 P', '', '**How To Check:** read the logs.', '**Why:** because.'));
    assert.equal(result.constitution.principles[0].howToCheck, 'read the logs.');
  });

  it("the front matter's title wins over the level-1 heading, and is trimmed", async () => {
    const result = await load(lines('---', 'title: "  Acme rules  "', '---', '# Heading title', '', '## ENG-01 P'));
    assert.equal(result.constitution.title, 'Acme rules');
  });

  it('a checklist id must start with a letter or digit', async () => {
    const result = await load(lines('## ENG-01 P', '<!-- qa: { checklists: [-x, .hidden, ok-1] } -->'));
    assert.deepEqual(result.constitution.principles[0].checklists, ['ok-1']);
    assert.equal(result.problems.length, 2);
    assert.match(problemsOf(result)[0], /'-x' is not a checklist id/);
  });

  it('an empty appliesTo list is reported and the principle still applies everywhere', async () => {
    const result = await load(lines('## ENG-01 P', '<!-- qa: { appliesTo: [] } -->'));
    assert.deepEqual(result.constitution.principles[0].appliesTo, ['**']);
    assert.deepEqual(problemsOf(result), ['.quality/constitution.md:2:23: appliesTo of ENG-01 is empty, so it would apply to no file: remove the key to apply it everywhere']);
  });

  it('a rule listed twice is kept once', async () => {
    const result = await load(lines('## ENG-01 P', '<!-- qa: { rules: [swallowed-error, swallowed-error] } -->'));
    assert.deepEqual(result.constitution.principles[0].rules, ['swallowed-error']);
  });

  it('between principles of the same level, the first in the document speaks for a rule', async () => {
    const result = await load(lines(
      '## ENG-01 Weak', '<!-- qa: { level: consider, rules: [swallowed-error] } -->', '',
      '## ENG-02 First must', '<!-- qa: { level: must, rules: [swallowed-error] } -->', '',
      '## ENG-03 Second must', '<!-- qa: { level: must, rules: [swallowed-error] } -->',
    ));
    assert.equal(principleForRule(result.constitution, 'swallowed-error')?.id, 'ENG-02');
  });

  it("old Mac line ends (CR alone) are line ends, and '...' closes front matter", async () => {
    const result = await load('---\rversion: 1.2.0\r...\r## ENG-01 One\r\rBody.\r');
    assert.deepEqual(problemsOf(result), []);
    assert.equal(result.constitution.version, '1.2.0');
    assert.deepEqual(result.constitution.principles.map((p) => [p.id, p.line, p.body]), [['ENG-01', 4, 'Body.']]);
  });
});
