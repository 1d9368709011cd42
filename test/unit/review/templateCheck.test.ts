import { strict as assert } from 'node:assert';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTemplate, loadTemplateCatalog, parseTemplate, repositoryTemplateProblems, REVIEW_VARIABLES } from '../../../src/core/review/index';
import { formatProblem, type Problem } from '../../../src/core/types';
import { DOCUMENTED } from './documented';

const KNOWN = { principles: ['ENG-01'], checklists: ['api'] };

function lines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}

describe('review templates: checked without building a review', () => {
  it('knows exactly the variables VARIABLES.md documents (which every review fills)', () => {
    assert.deepEqual([...REVIEW_VARIABLES].sort(), [...DOCUMENTED].sort());
  });

  it('reports an unknown principle or checklist at its own front-matter entry, not at line 1', () => {
    const text = '---\nname: Ours\nprinciples:\n  - ENG-01\n  - ENG-99\nchecklists: [api, nope]\n---\n# {{branch}}\n';
    const { template } = parseTemplate(text, 'ours', '/repo/.quality/templates/ours.md', 'repository', '.quality/templates/ours.md');
    assert.deepEqual(lines(checkTemplate(template, '.quality/templates/ours.md', KNOWN)), [
      ".quality/templates/ours.md:5:5: front matter principles: 'ENG-99' is not a principle of the constitution, so the review leaves it out",
      ".quality/templates/ours.md:6:19: front matter checklists: 'nope' is not a checklist, so the review leaves it out",
    ]);
  });

  it('reports placeholders nothing fills and malformed tags at their line in the file', () => {
    const text = '---\nname: Ours\n---\n# {{branch}} by {{ reviwer }}\n{{#notes}}\nNotes {{branch}\n';
    const { template } = parseTemplate(text, 'ours', '/repo/.quality/templates/ours.md', 'repository', '.quality/templates/ours.md');
    assert.deepEqual(lines(checkTemplate(template, 'ours.md', KNOWN)), [
      'ours.md:4:17: unknown placeholder {{ reviwer }}',
      "ours.md:6:7: '{{' does not start a placeholder here (no '}}' closes a name after it): it is left as written",
      "ours.md:5:1: section '{{#notes}}' is never closed with {{/notes}}",
    ]);
  });

  it('does not check the bundled templates\' references (a team cannot edit them)', () => {
    const { template } = parseTemplate('---\nprinciples: [ENG-99]\n---\n# Body\n', 'architecture', '/bundled/architecture.md', 'bundled');
    assert.deepEqual(checkTemplate(template, 'architecture.md', KNOWN), []);
  });

  it("gathers a repository's template problems (catalog and checks), leaving GitHub's templates out", async () => {
    const root = await mkdtemp(join(tmpdir(), 'qa-lens-template-check-'));
    try {
      await mkdir(join(root, '.quality', 'templates'), { recursive: true });
      await mkdir(join(root, '.github'), { recursive: true });
      await writeFile(join(root, '.quality', 'templates', 'ours.md'), '---\nchecklists:\n  - nope\n---\n# {{branch}}\n');
      await writeFile(join(root, '.quality', 'templates', 'open.md'), '---\nname: Open\n# {{branch}}\n');
      await writeFile(join(root, '.github', 'pull_request_template.md'), '# PR\n${{ matrix.os }}\n');
      const catalog = await loadTemplateCatalog({ root });
      assert.deepEqual(lines(repositoryTemplateProblems(catalog, root, KNOWN)).sort(), [
        ".quality/templates/open.md:1:1: the front matter is never closed with a '---' line, so it is read as part of the template's text",
        ".quality/templates/ours.md:3:5: front matter checklists: 'nope' is not a checklist, so the review leaves it out",
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
