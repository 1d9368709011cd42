import { strict as assert } from 'node:assert';
import { parseTemplate } from '../../../src/core/review/template';

describe('review templates: front matter', () => {
  const parse = (text: string) => parseTemplate(text, 'ours', '/repo/.quality/templates/ours.md', 'repository', '.quality/templates/ours.md');

  it('reads an empty front matter as one (the body starts after it)', () => {
    const { template, problems } = parse('---\n---\n# Body {{branch}}\n');
    assert.deepEqual(problems, []);
    assert.equal(template.body, '# Body {{branch}}\n');
    assert.equal(template.bodyLine, 3);
  });

  it('says so when the front matter is never closed, and keeps the whole file as the template', () => {
    const text = '---\nname: Ours\n# Body {{branch}}\n';
    const { template, problems } = parse(text);
    assert.deepEqual(problems.map((p) => `${p.path}:${p.line}: ${p.message}`), [
      ".quality/templates/ours.md:1: the front matter is never closed with a '---' line, so it is read as part of the template's text",
    ]);
    assert.equal(template.body, text);
    assert.equal(template.name, 'ours');
  });

  it('says nothing of a template without front matter', () => {
    assert.deepEqual(parse('# Just a body\n\n---\n\nA rule above.\n').problems, []);
  });

  it('records where each principle and checklist id is written, block or flow style', () => {
    const { template, problems } = parse('---\nname: Ours\nprinciples:\n  - ENG-01\n  - ENG-99\nchecklists: [api, nope]\n---\n# Body\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(template.principles, ['ENG-01', 'ENG-99']);
    assert.deepEqual(Object.fromEntries(template.referencePositions?.principles ?? []), { 'ENG-01': { line: 4, column: 5 }, 'ENG-99': { line: 5, column: 5 } });
    assert.deepEqual(Object.fromEntries(template.referencePositions?.checklists ?? []), { api: { line: 6, column: 14 }, nope: { line: 6, column: 19 } });
  });
});
