import { strict as assert } from 'node:assert';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { buildReviewContext, prepareReview, type AnalyzeFile, type ReviewChecklist, type ReviewPrinciple } from '../../../src/core/review/index';
import { loadTemplateCatalog } from '../../../src/core/review/catalog';
import { useFeatureRepo, makeRepo, makeTempDir, removeTempDir } from '../git/fixtureRepo';
import { flagSprintsAndExports } from './fakeEngine';
import { DOCUMENTED } from './documented';

const NOW = new Date('2026-03-05T09:30:00Z');
const TEMPLATE = { id: 'architecture', name: 'Architecture review' };

const analyze: AnalyzeFile = flagSprintsAndExports;

const PRINCIPLES: ReviewPrinciple[] = [
  { id: 'ENG-05', title: 'Errors fail loudly', level: 'must', appliesTo: ['src/**'], howToCheck: 'Is every caught error handled or reported?' },
  { id: 'ENG-09', title: 'Decisions leave a trail', level: 'should', appliesTo: ['docs/adr/**'], howToCheck: 'Is there an ADR?' },
  { id: 'ENG-20', title: 'Mobile only', appliesTo: ['ios/**'], howToCheck: 'never shown' },
  { id: 'ENG-21', title: 'Retired', appliesTo: ['**'], status: 'retired', howToCheck: 'never shown' },
];
const CHECKLISTS: ReviewChecklist[] = [
  { id: 'migration', title: 'Database migration', appliesTo: ['**/migrations/**', '**/*.sql'], items: [
    { id: 'MIG-01', text: 'The migration can be rolled back', how: 'run the down migration' },
    { id: 'MIG-02', text: 'Long locks are avoided' },
  ] },
  { id: 'ui-text', title: 'UI text', appliesTo: ['**/*.tsx'], items: [{ id: 'UI-01', text: 'never shown' }] },
];

describe('review context (real repositories)', function () {
  this.timeout(60_000);
  const featureRepo = useFeatureRepo();

  it('fills every variable from the feature branch', async () => {
    const ctx = await buildReviewContext({
      repoFolder: featureRepo().dir, template: TEMPLATE, now: NOW, analyze, principles: PRINCIPLES, checklists: CHECKLISTS,
      checklistProgress: { migration: { 'MIG-01': { status: 'addressed' }, 'MIG-02': { status: 'deviates', reason: 'small table' } } },
    });
    const v = (name: string): string => ctx.variables[name]?.text ?? `<missing ${name}>`;
    assert.deepEqual(ctx.notes, []);
    assert.deepEqual(Object.keys(ctx.variables).sort(), [...DOCUMENTED].sort(), 'every variable is documented in VARIABLES.md, and every documented one is filled');
    assert.equal(v('headShort'), featureRepo().headSha.slice(0, 7));
    assert.equal(v('branch'), 'feature/checkout');
    assert.equal(v('base'), 'main');
    assert.equal(v('baseSha'), featureRepo().baseSha);
    assert.equal(v('headSha'), featureRepo().headSha);
    assert.equal(v('mergeBase'), featureRepo().mergeBaseSha);
    assert.equal(v('date'), '2026-03-05');
    assert.equal(v('author'), 'Ada Lovelace');
    assert.equal(v('authors'), 'Ada Lovelace (1 commit), Grace Hopper (1 commit)');
    assert.equal(v('stats'), '7 files changed (3 added, 1 deleted, 2 modified, 1 renamed, 1 binary), +11 −5 lines, 2 commits by 2 authors');
    assert.equal(v('changedFiles'), [
      '- `db/migrations/001_add_orders.sql` — added, +3 −0',
      '- `docs/adr/0002-orders-storage.md` — added, +3 −0',
      '- `docs/obsolete.md` — deleted, +0 −3',
      '- `media/logo.png` — added, binary',
      '- `packages/billing/src/invoice.ts` — modified, +1 −1',
      '- `src/legacy/old-name.ts` → `src/core/new-name.ts` — renamed, +1 −0',
      '- `src/orders.ts` — modified, +3 −1',
    ].join('\n'));
    assert.match(v('filesByArea'), /^\*\*db\/\*\* — 1 file, \+3 −0$/m);
    assert.match(v('filesByArea'), /^\*\*packages\/billing\/\*\* — 1 file, \+1 −1\n- `packages\/billing\/src\/invoice.ts`/m);
    assert.match(v('filesByArea'), /^\*\*src\/\*\* — 2 files, \+4 −1$/m);
    assert.doesNotMatch(v('changedFiles') + v('filesByArea'), /CHANGELOG/);
    assert.equal(v('commits').split('\n').length, 2);
    assert.match(v('commits'), /^- `[0-9a-f]{7,}` Add orders table and ADR — Grace Hopper, 2026-03-03$/m);
    // Only added lines: `export function total` (line 1 of src/orders.ts, unchanged) must not show.
    assert.equal(v('newFindings'), [
      '- [ ] [packages/billing/src/invoice.ts:1](../../packages/billing/src/invoice.ts#L1) **fake-export** (hint): an export — `export const RATE = 2;`',
      '- [ ] [src/core/new-name.ts:4](../../src/core/new-name.ts#L4) **fake-export** (hint): an export — `export const MOVED = true;`',
      "- [ ] [src/orders.ts:3](../../src/orders.ts#L3) **deferred-to-sprint** (warning): deferred to a sprint — `// TODO: we'll fix it next sprint`",
      '- [ ] [src/orders.ts:7](../../src/orders.ts#L7) **fake-export** (hint): an export — `export const VERSION = 2;`',
    ].join('\n'));
    assert.match(v('principles'), /^### ENG-05 Errors fail loudly _\(must\)_$/m);
    assert.match(v('principles'), /\*\*How to check:\*\* Is every caught error handled or reported\?/);
    assert.match(v('principles'), /^### ENG-09 Decisions leave a trail/m);
    assert.doesNotMatch(v('principles'), /ENG-20|ENG-21/);
    assert.equal(v('checklists'), [
      '### Database migration (`migration`, 1/2 done) — applies to `db/migrations/001_add_orders.sql`',
      '',
      '- [x] MIG-01 The migration can be rolled back',
      '  - how: run the down migration',
      '- [ ] MIG-02 Long locks are avoided — **deviates**: small table',
    ].join('\n'));
    assert.equal(v('adrs'), '- [docs/adr/0002-orders-storage.md](../../docs/adr/0002-orders-storage.md) — added by this change');
  });

  it('relates untouched ADRs by name, and names principles the template asks for', async () => {
    await featureRepo().write('docs/adr/0003-billing-rates.md', '# 3. Billing rates\n');
    try {
      const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, template: { ...TEMPLATE, principles: ['ENG-20'] }, now: NOW, principles: PRINCIPLES, checklists: [] });
      assert.match(ctx.variables.adrs?.text ?? '', /\[docs\/adr\/0003-billing-rates.md\]\(\.\.\/\.\.\/docs\/adr\/0003-billing-rates.md\) — related: shares "billing"/);
      assert.match(ctx.variables.principles?.text ?? '', /### ENG-20 Mobile only\n\nWhy here: named by this template\./);
      assert.equal(ctx.variables.newFindings?.present, false);
      assert.match(ctx.variables.newFindings?.text ?? '', /not available: the analysis engine was not run/);
    } finally {
      await featureRepo().remove('docs/adr/0003-billing-rates.md');
    }
  });

  it('says a file changed only its mode (chmod +x) instead of "+0 −0"', async () => {
    const other = await makeRepo();
    try {
      await other.write('scripts/run.sh', 'echo one\n');
      await other.write('scripts/build.sh', 'echo two\n');
      await other.commit('one');
      await other.git.raw(['checkout', '-q', '-b', 'topic']);
      // update-index --chmod: the same on file systems without an executable bit.
      await other.git.raw(['update-index', '--chmod=+x', 'scripts/run.sh']);
      await other.write('scripts/build.sh', 'echo two\necho three\n');
      await other.git.raw(['add', 'scripts/build.sh']);
      await other.git.raw(['update-index', '--chmod=+x', 'scripts/build.sh']);
      await other.git.raw(['commit', '-q', '-m', 'two']);
      const ctx = await buildReviewContext({ repoFolder: other.dir, base: 'main', template: TEMPLATE, now: NOW });
      assert.equal(ctx.variables.changedFiles?.text, [
        '- `scripts/build.sh` — modified, +1 −0, mode changed 100644 → 100755',
        '- `scripts/run.sh` — mode changed 100644 → 100755',
      ].join('\n'));
      assert.match(ctx.variables.filesByArea?.text ?? '', /^- `scripts\/run.sh` — mode changed 100644 → 100755$/m);
    } finally {
      await other.dispose();
    }
  });

  it('leaves the reviews committed to the reviews folder out of the change', async () => {
    const other = await makeRepo();
    try {
      await other.write('src/a.ts', 'export const a = 1;\n');
      await other.write('.quality/reviews/2026-03-01-main-architecture.md', '# An older review\n');
      await other.commit('one');
      await other.git.raw(['checkout', '-q', '-b', 'topic']);
      await other.write('src/a.ts', 'export const a = 1;\n// fix it next sprint\n');
      await other.write('.quality/reviews/2026-03-04-topic-architecture.md', '# Review\n\nFollow-ups: we fix it next sprint\n');
      await other.write('.quality/reviews/2026-03-01-main-architecture.md', '# An older review\n\nAnswered.\n');
      await other.write('docs/reviews/2026-03-04-topic-consistency.md', '# Review kept elsewhere\n');
      await other.commit('two');

      const ctx = await buildReviewContext({ repoFolder: other.dir, base: 'main', template: TEMPLATE, now: NOW, analyze, checklists: [{ id: 'docs', title: 'Docs', appliesTo: ['**/*.md'], items: [{ id: 'D-1', text: 'Docs read well' }] }] });
      assert.equal(ctx.variables.changedFiles?.text, [
        '- `docs/reviews/2026-03-04-topic-consistency.md` — added, +1 −0',
        '- `src/a.ts` — modified, +1 −0',
      ].join('\n'));
      assert.doesNotMatch(ctx.variables.filesByArea?.text ?? '', /\.quality/);
      assert.equal(ctx.variables.stats?.text, '2 files changed (1 added, 1 modified), +2 −0 lines, 1 commit by 1 author');
      assert.equal(ctx.variables.areas?.text, '`docs`, `src`');
      assert.doesNotMatch(ctx.variables.newFindings?.text ?? '', /\.quality/);
      assert.match(ctx.variables.newFindings?.text ?? '', /src\/a\.ts:2/);
      assert.match(ctx.variables.checklists?.text ?? '', /applies to `docs\/reviews\/2026-03-04-topic-consistency.md`$/m);

      // The folder the team configured is the one left out.
      const elsewhere = await buildReviewContext({ repoFolder: other.dir, base: 'main', template: TEMPLATE, now: NOW, reviewsFolder: 'docs/reviews/' });
      assert.equal(elsewhere.variables.changedFiles?.text, [
        '- `.quality/reviews/2026-03-01-main-architecture.md` — modified, +2 −0',
        '- `.quality/reviews/2026-03-04-topic-architecture.md` — added, +3 −0',
        '- `src/a.ts` — modified, +1 −0',
      ].join('\n'));
      // A folder that is the root or outside the repository leaves nothing out.
      for (const folder of ['.', '', '../reviews', join(other.dir, '..')]) {
        const all = await buildReviewContext({ repoFolder: other.dir, base: 'main', template: TEMPLATE, now: NOW, reviewsFolder: folder });
        assert.equal((all.variables.changedFiles?.text ?? '').split('\n').length, 4, folder);
      }
    } finally {
      await other.dispose();
    }
  });

  it('a change of nothing but reviews says so', async () => {
    const other = await makeRepo();
    try {
      await other.write('src/a.ts', 'export const a = 1;\n');
      await other.commit('one');
      await other.git.raw(['checkout', '-q', '-b', 'topic']);
      await other.write('.quality/reviews/2026-03-04-main-architecture.md', '# Review\n');
      await other.commit('two');
      const ctx = await buildReviewContext({ repoFolder: other.dir, base: 'main', template: TEMPLATE, now: NOW });
      assert.equal(ctx.variables.changedFiles?.text, '_(no changes)_');
      assert.deepEqual(ctx.notes, ['Only reviews under `.quality/reviews/` differ between main and topic: there is no other change to review.']);
    } finally {
      await other.dispose();
    }
  });

  it('caps long file lists with an explicit "and N more" line', async () => {
    const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, template: TEMPLATE, now: NOW, maxFiles: 3 });
    const lines = (ctx.variables.changedFiles?.text ?? '').split('\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[3], '- … and 4 more files');
    assert.match(ctx.variables.filesByArea?.text ?? '', /- … and 4 more files$/);
    assert.match(ctx.variables.filesByArea?.text ?? '', /\*\*src\/\*\* — 2 files/);
  });

  it('links findings relative to where the document will live', async () => {
    const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, template: TEMPLATE, now: NOW, analyze, linkFrom: '' });
    assert.match(ctx.variables.newFindings?.text ?? '', /\[src\/orders.ts:3\]\(src\/orders.ts#L3\)/);
  });

  it('renders a full document with front matter and a review file name', async () => {
    const catalog = await loadTemplateCatalog({ root: featureRepo().dir });
    const template = catalog.templates.find((t) => t.id === 'architecture');
    assert.ok(template);
    const doc = await prepareReview({ repoFolder: featureRepo().dir, template, now: NOW, analyze, principles: PRINCIPLES, checklists: CHECKLISTS });
    assert.equal(doc.relativePath, '.quality/reviews/2026-03-05-feature-checkout-architecture.md');
    assert.deepEqual(doc.unknownPlaceholders, []);
    assert.ok(doc.text.startsWith(`---\ntemplate: architecture\nbase: main\nbaseSha: ${featureRepo().baseSha}\nhead: feature/checkout\nheadSha: ${featureRepo().headSha}\ncreated: 2026-03-05T09:30:00.000Z\n---\n# Architecture review: feature/checkout\n`));
    assert.doesNotMatch(doc.text, /\{\{/);
    // A repository template that names a principle or checklist the repository lacks is told so (not the bundled ones: a team cannot edit them).
    assert.deepEqual(doc.problems.filter((p) => p.message.startsWith('front matter')), []);
    const named = await prepareReview({ repoFolder: featureRepo().dir, template: { ...template, source: 'repository', principles: [PRINCIPLES[0].id, 'ENG-99'], checklists: ['nope'] }, now: NOW, principles: PRINCIPLES, checklists: CHECKLISTS });
    assert.deepEqual(named.problems.filter((p) => p.message.startsWith('front matter')).map((p) => p.message), [
      "front matter principles: 'ENG-99' is not a principle of the constitution, so the review leaves it out",
      "front matter checklists: 'nope' is not a checklist, so the review leaves it out",
    ]);
  });

  describe('when git is not cooperative', () => {
    it('not a repository: says so and still renders what is known', async () => {
      const dir = await makeTempDir();
      try {
        const doc = await prepareReview({
          repoFolder: dir, now: NOW, principles: PRINCIPLES, checklists: CHECKLISTS,
          template: { id: 'architecture', name: 'A', description: '', principles: ['ENG-05'], checklists: [], body: '# {{branch}} vs {{base}}\n{{changedFiles}}\n{{principles}}\n{{notes}}\n', bodyLine: 1, source: 'repository', path: 'x.md' },
        });
        assert.match(doc.context.notes[0] ?? '', /not inside a git repository/);
        assert.match(doc.text, /# _\(not available: not a git repository\)_ vs _\(not available: not a git repository\)_/);
        assert.match(doc.text, /### ENG-05 Errors fail loudly/);
        assert.match(doc.text, /> \*\*Note:\*\* .*not inside a git repository/);
        assert.equal(doc.relativePath, '.quality/reviews/2026-03-05-no-branch-architecture.md');
      } finally {
        await removeTempDir(dir);
      }
    });

    it('git not installed: says so', async () => {
      const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, template: TEMPLATE, now: NOW, git: { binary: 'qa-lens-no-such-git' } });
      assert.match(ctx.notes[0] ?? '', /git is not installed/);
      assert.equal(ctx.variables.branch?.text, '_(not available: git is not installed)_');
    });

    it('detached HEAD: names the review after the short SHA', async () => {
      const other = await makeRepo();
      try {
        await other.write('a.ts', 'a\n');
        await other.commit('one');
        await other.git.raw(['checkout', '-q', '-b', 'topic']);
        await other.write('a.ts', 'a\nb\n');
        const sha = await other.commit('two');
        await other.git.raw(['checkout', '-q', '--detach']);
        const ctx = await buildReviewContext({ repoFolder: other.dir, template: TEMPLATE, now: NOW });
        assert.equal(ctx.facts.detached, true);
        assert.ok(sha.startsWith(ctx.variables.branch?.text ?? 'x'));
        assert.match(ctx.notes.join('\n'), /HEAD is detached at [0-9a-f]{7}/);
        assert.match(ctx.variables.changedFiles?.text ?? '', /`a.ts` — modified, \+1 −0/);
      } finally {
        await other.dispose();
      }
    });

    it('no base branch: says how to give one, still shows the branch', async () => {
      const other = await makeRepo();
      try {
        await other.git.raw(['checkout', '-q', '-b', 'trunk']);
        await other.write('a.ts', 'a\n');
        await other.commit('one');
        const ctx = await buildReviewContext({ repoFolder: other.dir, template: TEMPLATE, now: NOW });
        assert.equal(ctx.variables.branch?.text, 'trunk');
        assert.match(ctx.notes.join('\n'), /No base branch found.*--base/);
        assert.equal(ctx.variables.changedFiles?.text, '_(not available: no base branch found)_');
      } finally {
        await other.dispose();
      }
    });

    it('an unknown --base: names it', async () => {
      const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, base: 'no-such-base', template: TEMPLATE, now: NOW });
      assert.match(ctx.notes.join('\n'), /'no-such-base' does not name a commit/);
      assert.equal(ctx.variables.branch?.text, 'feature/checkout');
    });

    it('a --base starting with "-" is rejected, not passed to git', async () => {
      const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, base: '--output=/tmp/x', template: TEMPLATE, now: NOW });
      assert.match(ctx.notes.join('\n'), /cannot start with '-'/);
    });

    it('shallow clone: the missing merge base is explained', async () => {
      const clone = await makeTempDir();
      try {
        await simpleGit().raw(['clone', '-q', '--depth', '1', '--no-single-branch', '--branch', 'feature/checkout', `file://${featureRepo().dir}`, clone]);
        const ctx = await buildReviewContext({ repoFolder: clone, base: 'origin/main', template: TEMPLATE, now: NOW });
        assert.equal(ctx.variables.branch?.text, 'feature/checkout');
        assert.match(ctx.notes.join('\n'), /shallow clone/);
        assert.match(ctx.variables.changedFiles?.text ?? '', /not available: shallow clone/);
      } finally {
        await removeTempDir(clone);
      }
    });

    it('shallow clone: the bundled templates say the merge base is not available in prose, not as code', async () => {
      const clone = await makeTempDir();
      try {
        await simpleGit().raw(['clone', '-q', '--depth', '1', '--no-single-branch', '--branch', 'feature/checkout', `file://${featureRepo().dir}`, clone]);
        const catalog = await loadTemplateCatalog({ root: clone });
        const bundled = catalog.templates.filter((t) => t.source === 'bundled');
        assert.equal(bundled.length, 4);
        for (const template of bundled) {
          const doc = await prepareReview({ repoFolder: clone, base: 'origin/main', template, now: NOW });
          assert.doesNotMatch(doc.text, /`_\(not available/, template.id);
        }
        const architecture = await prepareReview({ repoFolder: clone, base: 'origin/main', template: bundled.find((t) => t.id === 'architecture')!, now: NOW });
        assert.match(architecture.text, /^\| Compared with \| `origin\/main` \(merge base _\(not available: shallow clone, no merge base\)_\) \|$/m);
      } finally {
        await removeTempDir(clone);
      }
    });

    it('shallow single-branch clone: the base is not there, and the note says to fetch it', async () => {
      const clone = await makeTempDir();
      try {
        await simpleGit().raw(['clone', '-q', '--depth', '1', '--branch', 'feature/checkout', `file://${featureRepo().dir}`, clone]);
        const ctx = await buildReviewContext({ repoFolder: clone, configuredBase: 'main', template: TEMPLATE, now: NOW });
        assert.match(ctx.notes.join('\n'), /'main' does not name a commit.*shallow clone: fetch the base branch/);
      } finally {
        await removeTempDir(clone);
      }
    });

    it('empty diff: says there is nothing to review', async () => {
      const ctx = await buildReviewContext({ repoFolder: featureRepo().dir, base: 'HEAD', template: TEMPLATE, now: NOW });
      assert.match(ctx.notes.join('\n'), /No file differs between HEAD and feature\/checkout/);
      assert.equal(ctx.variables.changedFiles?.text, '_(no changes)_');
      assert.equal(ctx.variables.stats?.text, '0 files changed, +0 −0 lines, 0 commits by 0 authors');
    });

    it('odd branch names are sanitised in the file name and shown as written', async () => {
      const other = await makeRepo();
      try {
        await other.write('a.ts', 'a\n');
        await other.commit('one');
        await other.git.raw(['checkout', '-q', '-b', 'feature/ödd-näme#1<b>']);
        await other.write('a.ts', 'a\nb\n');
        await other.commit('two');
        const doc = await prepareReview({
          repoFolder: other.dir, now: NOW,
          template: { id: 'architecture', name: 'A', description: '', principles: [], checklists: [], body: '# {{branch}}\n', bodyLine: 1, source: 'bundled', path: 'x.md' },
        });
        assert.match(doc.text, /^# feature\/ödd-näme#1<b>$/m);
        assert.equal(doc.relativePath, '.quality/reviews/2026-03-05-feature--dd-n-me-1-b--architecture.md');
      } finally {
        await other.dispose();
      }
    });

    it('a changed file git cannot give is named in a note; the other files still count', async () => {
      const other = await makeRepo();
      const bin = await makeTempDir();
      try {
        await other.write('a.ts', 'a\n');
        await other.write('b.ts', 'b\n');
        await other.commit('one');
        await other.git.raw(['checkout', '-q', '-b', 'topic']);
        await other.write('a.ts', 'a\n// fix it next sprint\n');
        await other.write('b.ts', 'b\n// next sprint too\n');
        await other.commit('two');
        // A real git, except that reading b.ts as committed fails the way a process out of file
        // handles does: that is not "no such file", and must not be taken for it. The batch reads
        // fail too, so the review falls back to reading file by file and meets the failure there.
        const git = join(bin, 'git');
        await writeFile(git, '#!/bin/sh\ncase "$*" in "cat-file --batch"*|*cat-file*:b.ts*) echo "fatal: simulated: Too many open files" >&2; exit 128;; esac\nexec git "$@"\n', { mode: 0o755 });
        const ctx = await buildReviewContext({ repoFolder: other.dir, base: 'main', template: TEMPLATE, now: NOW, analyze, git: { binary: git } });
        assert.match(ctx.notes.join('\n'), /Git could not give one changed file as committed \(git failed: fatal: simulated: Too many open files\), so its new findings are missing from this review: `b\.ts`\./);
        assert.match(ctx.variables.newFindings?.text ?? '', /a\.ts:2/);
        assert.doesNotMatch(ctx.variables.newFindings?.text ?? '', /b\.ts/);
      } finally {
        await other.dispose();
        await removeTempDir(bin);
      }
    });
  });
});
