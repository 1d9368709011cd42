import { strict as assert } from 'node:assert';
import { loadProject } from '../../../src/core/project';
import { formatProblem } from '../../../src/core/types';
import { tempTree, type TempTree } from '../scan/tempTree';

describe('loadProject: what ties the team files together', () => {
  let tree: TempTree | undefined;
  afterEach(async () => {
    await tree?.remove();
    tree = undefined;
  });

  const CONSTITUTION = [
    '# Ours',
    '',
    '## ENG-01 Migrations are reversible',
    '<!-- qa: { level: must, checklists: [ours, ourz] } -->',
    '',
    'Why.',
    '',
    '## ENG-02 Tests first',
    '<!-- qa: { checklists: [ours] } -->',
    '',
    'Why.',
    '',
  ].join('\n');

  it('warns at the heading of a principle that asks for a checklist that does not exist', async () => {
    tree = await tempTree({ '.quality/constitution.md': CONSTITUTION, '.quality/checklists/ours.md': '---\ntitle: Ours\nappliesTo: ["**"]\n---\n- [ ] first: check it\n' });
    const project = await loadProject(tree.root);
    const problems = project.problems.filter((p) => p.message.includes('does not exist')).map(formatProblem);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0], /^\.quality\/constitution\.md:3:1: .*ENG-01: checklist 'ourz' does not exist \(checklists: ours\)$/);
    // The CLI's scan loads no bundled checklist: it cannot tell, so it does not say.
    const scan = await loadProject(tree.root, { bundledChecklists: false });
    assert.deepEqual(scan.problems.filter((p) => p.message.includes('does not exist')), []);
  });

  it('hands the engine the principles strongest first, with their scopes (the engine cites per file: commentRules.test.ts)', async () => {
    const scoped = ['# Ours', '', '## ENG-05 Fail loudly in the service', '<!-- qa: { level: must, rules: [swallowed-error], appliesTo: ["src/**"] } -->', '', 'Why.', '', '## ENG-09 Tests may swallow', '<!-- qa: { level: consider, rules: [swallowed-error], appliesTo: ["test/**"] } -->', '', 'Why.', ''].join('\n');
    tree = await tempTree({ '.quality/constitution.md': scoped });
    const project = await loadProject(tree.root);
    assert.deepEqual(project.settings.principles.map((p) => p.id), ['ENG-05', 'ENG-09']);
  });
});
