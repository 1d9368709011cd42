import { strict as assert } from 'node:assert';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCliInProcess } from '../cliInProcess';
import { useFeatureRepo, makeTempDir, removeTempDir } from '../git/fixtureRepo';

const run = runCliInProcess;

describe('qa-lens review', function () {
  this.timeout(60_000);
  const featureRepo = useFeatureRepo();

  it('prints the architecture review of the current branch', async () => {
    const { status, stdout, stderr } = await run(['review'], featureRepo().dir);
    assert.equal(status, 0, stderr);
    assert.match(stdout, /^---\ntemplate: architecture\nbase: main\n/);
    assert.match(stdout, /^# Architecture review: feature\/checkout$/m);
    assert.match(stdout, /`src\/legacy\/old-name.ts` → `src\/core\/new-name.ts` — renamed, \+1 −0/);
    assert.match(stdout, /### Database migration \(`migration`\) — applies to `db\/migrations\/001_add_orders.sql`/);
    assert.match(stdout, /### ENG-\d+ /);
    // The real engine, on added lines only: exactly the new "next sprint" TODO.
    const findings = stdout.split('## New findings on added lines\n\n')[1]?.split('\n\n')[0];
    assert.equal(findings?.split('\n').length, 1);
    assert.match(findings ?? '', /^- \[ \] \[src\/orders.ts:3\]\(\.\.\/\.\.\/src\/orders.ts#L3\) \*\*deferred-to-sprint\*\* \(warning\): .* — `TODO: we'll fix it next sprint`$/);
    assert.doesNotMatch(stdout, /\{\{/);
    assert.equal(stderr, '');
  });

  it('leaves out of "What changed" the reviews committed to the configured reviews folder', async () => {
    const repo = featureRepo();
    await repo.write('.quality/config.json', JSON.stringify({ reviews: { folder: 'docs/reviews' } }));
    await repo.write('docs/reviews/2026-03-02-feature-checkout-architecture.md', '# Architecture review: feature/checkout\n\nFollow-ups: next sprint\n');
    const head = await repo.commit('Commit the first review');
    try {
      const { status, stdout, stderr } = await run(['review'], repo.dir);
      assert.equal(status, 0, stderr);
      const changed = stdout.split('## What changed\n\n')[1]?.split('\n### Commits')[0] ?? '';
      assert.match(changed, /`src\/orders.ts` — modified/);
      assert.doesNotMatch(stdout, /docs\/reviews/);
      // .quality/config.json is an ordinary change here: only the reviews folder is left out.
      assert.match(changed, /`\.quality\/config\.json` — added/);
    } finally {
      await repo.git.raw(['reset', '-q', '--hard', `${head}~1`]);
    }
  });

  it('uses --template and --base', async () => {
    const { status, stdout } = await run(['review', '--template', 'release-readiness', '--base', featureRepo().mergeBaseSha], featureRepo().dir);
    assert.equal(status, 0);
    assert.match(stdout, /^template: release-readiness$/m);
    assert.match(stdout, new RegExp(`^base: ${featureRepo().mergeBaseSha}$`, 'm'));
  });

  it('exits 2 outside a git repository', async () => {
    const dir = await makeTempDir();
    try {
      const { status, stdout, stderr } = await run(['review'], dir);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /not inside a git repository: review compares the current branch with its base/);
    } finally {
      await removeTempDir(dir);
    }
  });

  it('exits 2 for an unknown template, listing the available ones', async () => {
    const { status, stderr } = await run(['review', '--template', 'nope'], featureRepo().dir);
    assert.equal(status, 2);
    assert.match(stderr, /unknown template 'nope'; available: architecture, consistency, security-reliability, release-readiness/);
  });

  it('reports unknown placeholders on stderr as path:line:column and leaves them in the document', async () => {
    await mkdir(join(featureRepo().dir, '.quality', 'templates'), { recursive: true });
    await writeFile(join(featureRepo().dir, '.quality', 'templates', 'team.md'), '---\nname: Team\n---\n# {{branch}}\n\nOwner: {{owner}}\n');
    try {
      const { status, stdout, stderr } = await run(['review', '--template', 'team'], featureRepo().dir);
      assert.equal(status, 0);
      assert.match(stdout, /^Owner: \{\{owner\}\}$/m);
      assert.equal(stderr, '.quality/templates/team.md:6:8: unknown placeholder {{owner}}\n');
    } finally {
      await removeTempDir(join(featureRepo().dir, '.quality'));
    }
  });

  it('writes --out without ever overwriting, with links relative to that file', async () => {
    const out = join(featureRepo().dir, 'review.md');
    try {
      const first = await run(['review', '--out', 'review.md'], featureRepo().dir);
      assert.equal(first.status, 0, first.stderr);
      assert.equal(first.stdout, '');
      const text = await readFile(out, 'utf8');
      assert.match(text, /\[docs\/adr\/0002-orders-storage.md\]\(docs\/adr\/0002-orders-storage.md\)/);
      const second = await run(['review', '--out', 'review.md'], featureRepo().dir);
      assert.equal(second.status, 2);
      assert.match(second.stderr, /already exists: not overwritten/);
      assert.equal(await readFile(out, 'utf8'), text);
    } finally {
      await removeTempDir(out);
    }
  });

  it('creates the folders of --out that do not exist yet, with links relative to where it lands', async () => {
    const folder = join(featureRepo().dir, 'notes');
    try {
      const result = await run(['review', '--out', 'notes/2026/review.md'], featureRepo().dir);
      assert.equal(result.status, 0, result.stderr);
      const text = await readFile(join(folder, '2026', 'review.md'), 'utf8');
      assert.match(text, /\[docs\/adr\/0002-orders-storage.md\]\(\.\.\/\.\.\/docs\/adr\/0002-orders-storage.md\)/);
      // Under a file: said as such, not taken for an existing review.
      for (const out of ['docs/adr/0002-orders-storage.md/review.md', 'docs/adr/0002-orders-storage.md/sub/review.md']) {
        const underFile = await run(['review', '--out', out], featureRepo().dir);
        assert.equal(underFile.status, 2, out);
        assert.match(underFile.stderr, /cannot write .*review\.md: a part of its folder path is a file, not a folder\n$/, out);
      }
    } finally {
      await removeTempDir(folder);
    }
  });

  it('exits 2 for an --out that names a folder (existing, ending with a slash, or empty), writing nothing', async () => {
    const dir = featureRepo().dir;
    for (const out of ['docs', 'docs/', 'reviews-to-be/', '']) {
      const result = await run(['review', '--out', out], dir);
      assert.equal(result.status, 2, `${out}: ${result.stderr}`);
      assert.equal(result.stdout, '', out);
      assert.match(result.stderr, new RegExp(`^qa-lens review: --out expects a file, not a folder: '${out}'\n`), out);
      assert.doesNotMatch(result.stderr, /already exists|wrote/, out);
    }
    // No file was created in the folder's place.
    await assert.rejects(readFile(join(dir, 'reviews-to-be'), 'utf8'), { code: 'ENOENT' });
  });

  it('exits 2 for a --base that starts with "-" or names no commit', async () => {
    const dash = await run(['review', '--base=--output=x'], featureRepo().dir);
    assert.equal(dash.status, 2);
    assert.match(dash.stderr, /--base: '--output=x' is not a valid git ref: a ref cannot start with '-'/);
    const unknown = await run(['review', '--base', 'no-such-branch'], featureRepo().dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--base: 'no-such-branch' does not name a commit/);
  });
});
