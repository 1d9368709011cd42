import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { principleForRule, principlesFor } from '../../../src/core/constitution/apply';
import { loadBundledConstitution } from '../../../src/core/constitution/discover';
import { loadBundledChecklists } from '../../../src/core/checklists/discover';
import { RULE_IDS } from '../../../src/core/rules/ids';
import { resourcePath } from '../../../src/core/resources';

describe('the bundled default constitution', () => {
  it('parses without a single problem and has front matter', async () => {
    const { constitution, problems } = await loadBundledConstitution();
    assert.deepEqual(problems, []);
    assert.equal(constitution.source, 'bundled');
    assert.ok(constitution.title);
    assert.match(constitution.version ?? '', /^\d+\.\d+\.\d+$/);
    assert.ok(constitution.ratified && constitution.lastReviewed);
    assert.match(constitution.intro, /pull request/, 'the intro says how to change it');
  });

  it('has 10 to 14 principles ENG-01.., each with a Why and a How to check question', async () => {
    const { constitution } = await loadBundledConstitution();
    const count = constitution.principles.length;
    assert.ok(count >= 10 && count <= 14, `${count} principles`);
    constitution.principles.forEach((principle, index) => {
      assert.equal(principle.id, `ENG-${String(index + 1).padStart(2, '0')}`);
      assert.equal(principle.status, 'active');
      assert.match(principle.body, /\*\*Why:\*\* \S/, `${principle.id} explains why`);
      assert.ok(principle.howToCheck?.endsWith('?'), `${principle.id} asks a question: ${principle.howToCheck}`);
    });
  });

  it('speaks for every rule id, ENG-02 "Value over MVP shortcuts" for the five comment rules', async () => {
    const { constitution } = await loadBundledConstitution();
    const map = Object.fromEntries(RULE_IDS.map((ruleId) => [ruleId, principleForRule(constitution, ruleId)?.id]));
    for (const ruleId of RULE_IDS) assert.ok(map[ruleId], `no principle speaks for ${ruleId}`);
    const eng02 = constitution.principles.find((p) => p.id === 'ENG-02')!;
    assert.equal(eng02.title, 'Value over MVP shortcuts');
    assert.deepEqual([...eng02.rules].sort(), ['deferred-to-sprint', 'expired-deadline', 'tracked-marker', 'untracked-marker', 'vague-deferral']);
    for (const ruleId of eng02.rules) assert.equal(map[ruleId], 'ENG-02');
    assert.equal(map['swallowed-error'], constitution.principles.find((p) => /fail loudly/i.test(p.title))?.id);
  });

  it('names only checklists that are bundled, and every bundled checklist is named by some principle', async () => {
    const { constitution } = await loadBundledConstitution();
    const { checklists } = await loadBundledChecklists();
    const bundled = new Set(checklists.map((c) => c.id));
    const named = new Set(constitution.principles.flatMap((p) => p.checklists));
    for (const id of named) assert.ok(bundled.has(id), `principles name unknown checklist ${id}`);
    for (const id of bundled) assert.ok(named.has(id), `no principle names checklist ${id}`);
  });

  it('narrows some principles to the files they are about', async () => {
    const { constitution } = await loadBundledConstitution();
    const ids = (path: string): string[] => principlesFor(constitution, path).map((p) => p.id);
    assert.ok(!ids('src/orders.ts').includes('ENG-06'));
    assert.ok(ids('src/orders.test.ts').includes('ENG-06'));
    assert.ok(ids('features/checkout.feature').includes('ENG-06'));
    assert.ok(ids('.github/workflows/ci.yml').includes('ENG-13'));
    assert.ok(ids('Dockerfile').includes('ENG-13'));
    assert.ok(!ids('src/orders.ts').includes('ENG-13'));
  });

  it('SOURCES.md lists where each principle comes from', async () => {
    const { constitution } = await loadBundledConstitution();
    const sources = await readFile(resourcePath('defaults', 'SOURCES.md'), 'utf8');
    for (const principle of constitution.principles) assert.ok(sources.includes(principle.id), `SOURCES.md does not mention ${principle.id}`);
    assert.ok(!sources.includes('<!--'), 'comment-free');
  });
});
