import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseConstitution } from '../../../src/core/constitution';

const SNIPPETS = path.resolve(__dirname, '..', '..', '..', 'snippets', 'markdown.code-snippets');

/** A snippet body as VS Code inserts it when every placeholder keeps its default (the first choice). */
function expand(body: readonly string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

describe('the constitution principle snippet', () => {
  it('inserts a principle the real parser reads without a problem, with its level and How to check', async () => {
    const snippets = JSON.parse(await readFile(SNIPPETS, 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    const snippet = snippets['Constitution principle'];
    assert.ok(snippet.prefix.includes('principle'));
    const text = `# Team constitution\n\n${expand(snippet.body)}\n`;
    const result = parseConstitution(text, { path: '.quality/constitution.md' });
    assert.deepEqual(result.problems, []);
    const [principle] = result.constitution.principles;
    assert.equal(principle.id, 'ENG-01');
    assert.equal(principle.title, 'Title: what the team holds to');
    assert.equal(principle.level, 'must');
    assert.equal(principle.howToCheck, 'the question a reviewer asks of a change.');
  });
});
