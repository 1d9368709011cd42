import { strict as assert } from 'node:assert';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { applicablePrinciples } from '../../../src/core/review/context';
import { buildReviewContext, createNewReview, findExistingReviews, type AnalyzeFile, type ChecklistStateLookup, type ReviewChecklist, type ReviewPrinciple } from '../../../src/core/review/index';
import { newFindingsBlock } from '../../../src/core/review/markdown';
import { useFeatureRepo, makeTempDir, removeTempDir } from '../git/fixtureRepo';

const NOW = new Date('2026-03-05T09:30:00Z');
const TEMPLATE = { id: 'architecture', name: 'Architecture review' };

/** Flags "next sprint" comments, citing ENG-02 as the constitution's rule map would. */
const analyze: AnalyzeFile = (_path, text) =>
  text.split('\n').flatMap((line, i) =>
    line.includes('next sprint') ? [{ ruleId: 'deferred-to-sprint', severity: 'warning', line: i + 1, column: 1, message: 'deferred', excerpt: line.trim(), principle: 'ENG-02' }] : []);

// Like the bundled constitution: most principles apply everywhere.
const PRINCIPLES: ReviewPrinciple[] = [
  { id: 'ENG-01', title: 'Quality is everyone\'s work', level: 'must', appliesTo: ['**'], howToCheck: 'Did we agree how we would know it works?' },
  { id: 'ENG-02', title: 'Value over MVP shortcuts', level: 'must', appliesTo: ['**'], rules: ['deferred-to-sprint'], howToCheck: 'Is there a ticket for every shortcut?' },
  { id: 'ENG-06', title: 'Tests are code', level: 'should', appliesTo: ['**/*.test.ts'], rules: ['skipped-test'], howToCheck: 'never shown' },
  { id: 'ENG-08', title: 'Goals are written down', level: 'should', howToCheck: 'Can a reviewer find the goal\nof this change?' },
  { id: 'ENG-12', title: 'Testing continues after release', level: 'should', appliesTo: ['**'], checklists: ['migration'], howToCheck: 'How will we know it works in production?' },
  { id: 'ENG-13', title: 'Identifiable artifacts', level: 'must', appliesTo: ['**/migrations/**'], howToCheck: 'Could we roll back?' },
  { id: 'ENG-14', title: 'Consider this', level: 'consider', appliesTo: ['src/**'], howToCheck: 'Maybe?' },
];
const CHECKLISTS: ReviewChecklist[] = [
  { id: 'migration', title: 'Database migration', appliesTo: ['**/migrations/**', '**/*.sql'], items: [
    { id: 'MIG-01', text: 'Can be rolled back' },
    { id: 'MIG-02', text: 'No long locks' },
    { id: 'MIG-03', text: 'Idempotent' },
  ] },
  { id: 'code', title: 'Code', appliesTo: ['src/**'], items: [{ id: 'C-1', text: 'Errors handled' }, { id: 'C-2', text: 'Names are clear' }] },
];

describe('review: what a reviewer is asked (real repository)', function () {
  this.timeout(60_000);
  const featureRepo = useFeatureRepo();

  it('puts the principles this change engages first, in full, and the everywhere-principles in one compact list', async () => {
    const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, template: TEMPLATE, now: NOW, analyze, principles: PRINCIPLES, checklists: CHECKLISTS });
    const text = ctx.variables.principles?.text ?? '';
    const headings = [...text.matchAll(/^### (.*)$/gm)].map((m) => m[1]);
    // must before should before consider; the everywhere-list last.
    assert.deepEqual(headings, [
      'ENG-02 Value over MVP shortcuts _(must)_',
      'ENG-13 Identifiable artifacts _(must)_',
      'ENG-12 Testing continues after release _(should)_',
      'ENG-14 Consider this _(consider)_',
      'Also ask of every change',
    ]);
    assert.match(text, /### ENG-02 .*\n\nWhy here: 1 new `deferred-to-sprint` finding on added lines\.\n\n\*\*How to check:\*\* Is there a ticket for every shortcut\?\n\n\*\*Answer:\*\* /);
    assert.match(text, /Why here: applies to `db\/migrations\/001_add_orders.sql`\./);
    assert.match(text, /Why here: asks for the `migration` checklist, which applies here\./);
    assert.match(text, /Why here: applies to `src\/core\/new-name.ts`, `src\/orders.ts`\./);
    const compact = text.slice(text.indexOf('### Also ask of every change'));
    assert.equal(compact, [
      '### Also ask of every change',
      '',
      '- **ENG-01** Quality is everyone\'s work _(must)_: Did we agree how we would know it works?',
      '- **ENG-08** Goals are written down _(should)_: Can a reviewer find the goal of this change?',
    ].join('\n'));
    assert.doesNotMatch(text, /ENG-06/, 'no test file changed and no test rule fired');
  });

  it('with no engaged principle, lists only the questions for every change', async () => {
    const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, template: TEMPLATE, now: NOW, principles: PRINCIPLES.filter((p) => ['ENG-01', 'ENG-08'].includes(p.id)) });
    assert.match(ctx.variables.principles?.text ?? '', /^### Ask of every change\n\n- \*\*ENG-01\*\*/);
  });

  it('sums up per-file checklist progress from the editor: ticked only when every file is done, deviations with file and reason', async () => {
    const states: Record<string, { status: 'addressed' | 'deviates' | 'not-applicable' | 'open'; reason?: string }> = {
      'db/migrations/001_add_orders.sql|migration|MIG-01': { status: 'addressed' },
      'db/migrations/001_add_orders.sql|migration|MIG-02': { status: 'not-applicable', reason: 'new empty table' },
      'src/orders.ts|code|C-1': { status: 'addressed' },
      'src/core/new-name.ts|code|C-1': { status: 'deviates', reason: 'rethrows as is' },
      'src/orders.ts|code|C-2': { status: 'addressed' },
      'src/core/new-name.ts|code|C-2': { status: 'addressed' },
    };
    const lookup: ChecklistStateLookup = (file, checklist, item) => states[`${file}|${checklist}|${item}`];
    const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, template: TEMPLATE, now: NOW, checklists: CHECKLISTS, checklistState: lookup });
    assert.equal(ctx.variables.checklists?.text, [
      '### Database migration (`migration`, 2/3 done) — applies to `db/migrations/001_add_orders.sql`',
      '',
      '- [x] MIG-01 Can be rolled back',
      '- [x] MIG-02 No long locks — not applicable: new empty table',
      '- [ ] MIG-03 Idempotent',
      '',
      '### Code (`code`, 1/2 done) — applies to `src/core/new-name.ts`, `src/orders.ts`',
      '',
      '- [ ] C-1 Errors handled — **deviates**: rethrows as is in `src/core/new-name.ts`; addressed in `src/orders.ts`',
      '- [x] C-2 Names are clear',
    ].join('\n'));
  });

  it('without recorded progress, shows plain task lists with no tally', async () => {
    const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, template: TEMPLATE, now: NOW, checklists: CHECKLISTS, checklistState: () => undefined });
    assert.match(ctx.variables.checklists?.text ?? '', /^### Database migration \(`migration`\) — applies to/);
    assert.doesNotMatch(ctx.variables.checklists?.text ?? '', /\[x\]|done\)/);
  });

  it('does not run git when told not to (untrusted workspace), and says so', async () => {
    const ctx = await buildReviewContext({
      repoFolder: featureRepo().dir, template: TEMPLATE, now: NOW, principles: PRINCIPLES, checklists: CHECKLISTS,
      gitUnavailable: 'untrusted workspace', git: { binary: 'qa-lens-no-such-git-would-fail-loudly' },
    });
    assert.equal(ctx.facts.isRepository, false);
    assert.equal(ctx.variables.branch?.text, '_(not available: untrusted workspace)_');
    assert.equal(ctx.variables.changedFiles?.text, '_(not available: untrusted workspace)_');
    assert.equal(ctx.variables.reviewer?.text, '_(not available: untrusted workspace)_');
    assert.match(ctx.notes.join('\n'), /Git was not run \(untrusted workspace\)/);
    assert.match(ctx.variables.principles?.text ?? '', /Ask of every change/);
  });
});

describe('review files: continuing and starting another', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await makeTempDir('qa-lens-reviews-');
  });
  afterEach(async () => {
    await removeTempDir(dir);
  });

  it('finds earlier reviews of the same branch and template on any date, newest first, and nothing else', async () => {
    const folder = join(dir, '.quality', 'reviews');
    await mkdir(folder, { recursive: true });
    for (const name of [
      '2026-03-01-feature-checkout-architecture.md', '2026-03-04-feature-checkout-architecture.md', '2026-03-04-feature-checkout-architecture-2.md',
      '2026-03-04-feature-checkout-consistency.md', '2026-03-04-feature-checkout-v2-architecture.md', 'notes.md',
    ]) await writeFile(join(folder, name), 'typed by a person\n');
    const found = await findExistingReviews(folder, 'feature/checkout', 'architecture');
    assert.deepEqual(found.map((f) => f.slice(folder.length + 1)), [
      '2026-03-04-feature-checkout-architecture-2.md', '2026-03-04-feature-checkout-architecture.md', '2026-03-01-feature-checkout-architecture.md',
    ]);
    assert.deepEqual(await findExistingReviews(join(dir, 'missing'), 'x', 'y'), []);
  });

  it('tells feature/x from feature-x by the review\'s own head: (their file names are the same)', async () => {
    const folder = join(dir, '.quality', 'reviews');
    await mkdir(folder, { recursive: true });
    const front = (head: string): string => `---\ntemplate: architecture\nbase: main\nhead: ${head}\n---\n# Review\n`;
    await writeFile(join(folder, '2026-03-04-feature-x-architecture.md'), front('feature-x'));
    await writeFile(join(folder, '2026-03-05-feature-x-architecture.md'), front('feature/x'));
    const mine = async (branch: string): Promise<string[]> => (await findExistingReviews(folder, branch, 'architecture')).map((f) => f.slice(folder.length + 1));
    assert.deepEqual(await mine('feature/x'), ['2026-03-05-feature-x-architecture.md']);
    assert.deepEqual(await mine('feature-x'), ['2026-03-04-feature-x-architecture.md']);
  });

  it('starts another review next to an existing one without touching it', async () => {
    const path = join(dir, 'r', '2026-03-05-main-architecture.md');
    assert.equal(await createNewReview(path, 'first\n'), path);
    await writeFile(path, 'first, with answers typed in\n');
    const second = await createNewReview(path, 'second\n');
    assert.equal(second, join(dir, 'r', '2026-03-05-main-architecture-2.md'));
    assert.equal(await readFile(path, 'utf8'), 'first, with answers typed in\n');
    assert.equal(await readFile(second, 'utf8'), 'second\n');
    assert.equal(await createNewReview(path, 'third\n'), join(dir, 'r', '2026-03-05-main-architecture-3.md'));
  });
});

describe('review: new findings block', () => {
  const finding = (line: number, severity: string, message = 'm', excerpt = 'x') => ({ ruleId: 'r', severity, line, column: 1, message, excerpt });

  it('keeps each finding on one line and cuts long excerpts (the link leads to the whole line)', () => {
    const text = newFindingsBlock([{ path: 'a.ts', findings: [finding(2, 'warning', 'Deferred to "future\niteration"', `TODO ${'y'.repeat(200)}`)] }], '.quality/reviews');
    assert.equal(text.split('\n').length, 1);
    assert.match(text, /Deferred to "future iteration"/);
    assert.match(text, /`TODO y+…`$/);
    assert.ok(text.length < 260, `${text.length} characters`);
  });

  it('starts a long list with the count per severity, most severe first', () => {
    const text = newFindingsBlock([
      { path: 'a.ts', findings: [finding(1, 'hint'), finding(2, 'warning'), finding(3, 'warning')] },
      { path: 'b.ts', findings: [finding(1, 'error'), finding(2, 'information')] },
    ], '');
    assert.match(text, /^5 findings in 2 files \(1 error, 2 warning, 1 information, 1 hint\):\n\n- \[ \] \[a.ts:1\]/);
    assert.doesNotMatch(newFindingsBlock([{ path: 'a.ts', findings: [finding(1, 'hint')] }], ''), /findings in/);
  });

  it('lists at most the given number, the most severe, in file order, and says how many more there are', () => {
    const text = newFindingsBlock([
      { path: 'a.ts', findings: [finding(1, 'hint'), finding(2, 'warning'), finding(3, 'error')] },
      { path: 'b.ts', findings: [finding(1, 'information'), finding(2, 'error')] },
    ], '', 2);
    const listed = text.split('\n').filter((line) => line.startsWith('- [ ]')).map((line) => /\[(\w\.ts:\d)\]/.exec(line)?.[1]);
    assert.deepEqual(listed, ['a.ts:3', 'b.ts:2']);
    assert.match(text, /^5 findings in 2 files/);
    assert.match(text, /_…and 3 more not listed \(the list keeps the 2 most severe\): `qa-lens scan --since` with the base branch lists them all._$/);
    assert.doesNotMatch(newFindingsBlock([{ path: 'a.ts', findings: [finding(1, 'hint'), finding(2, 'hint')] }], '', 2), /more not listed/);
  });
});

describe('review: which findings engage a principle', () => {
  it('counts only the findings of its rules in the files it applies to', () => {
    const principles: ReviewPrinciple[] = [
      { id: 'ENG-05', title: 'Fail loudly in the service', level: 'must', appliesTo: ['src/**'], rules: ['swallowed-error'] },
      { id: 'ENG-09', title: 'Tests may swallow', level: 'consider', appliesTo: ['test/**'], rules: ['swallowed-error'] },
    ];
    const applied = applicablePrinciples(principles, ['src/a.ts', 'test/b.ts'], [], {
      newFindings: [{ path: 'test/b.ts', ruleId: 'swallowed-error' }, { path: 'test/b.ts', ruleId: 'swallowed-error' }],
    });
    const reasons = Object.fromEntries(applied.map((a) => [a.principle.id, a.reasons]));
    assert.deepEqual(reasons['ENG-05'], ['applies to `src/a.ts`'], 'the test/ findings are not about the src/ principle');
    assert.deepEqual(reasons['ENG-09'], ['2 new `swallowed-error` findings on added lines', 'applies to `test/b.ts`']);
  });
});
