import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import type { StartReviewResult } from '../../../src/extension/review/startReview';
import { activeExtension, delay } from '../shared/extension';
import { answerWithEnter } from '../shared/quickPick';

const BRANCH = 'feature/refunds';
const REFUNDS_TS = [
  "import { Order } from './model';",
  '',
  "// TODO: we'll handle partial refunds next sprint",
  'export function refund(order: Order, amount: number): number {',
  '  try {',
  '    return issue(order.id, amount);',
  '  } catch (e) {',
  '  }',
  '  return 0;',
  '}',
  '',
  'declare function issue(id: string, amount: number): number;',
  '',
].join('\n');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

async function startReview(options: Record<string, unknown>): Promise<StartReviewResult> {
  const result = await vscode.commands.executeCommand<StartReviewResult | undefined>('qaLens.startReview', options);
  assert.ok(result, 'the command returned no result (cancelled or failed: see the QA Lens log)');
  return result;
}

async function waitFor(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await test()) return;
    await delay(100);
  }
  assert.fail(`timed out waiting for ${what}`);
}

function openTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs);
}

describe('review: Start Peer Review in the real extension host', function () {
  // Opening the review and its preview takes seconds on a busy machine (the Markdown extension starts).
  this.timeout(90_000);
  let api: QaLensApi;
  let folder: vscode.WorkspaceFolder;
  let root: string;
  let reviewsDir: string;

  before(async () => {
    api = (await activeExtension()).exports as QaLensApi;
    const first = vscode.workspace.workspaceFolders?.[0];
    assert.ok(first);
    folder = first;
    root = folder.uri.fsPath;
    reviewsDir = path.join(root, '.quality', 'reviews');
    // A feature branch off the harness's one commit on main: a new module with shortcuts, a migration.
    git(root, 'checkout', '-q', '-b', BRANCH);
    await writeFile(path.join(root, 'src', 'refunds.ts'), REFUNDS_TS);
    await writeFile(path.join(root, 'migrations', '003_refunds.sql'), 'CREATE TABLE refunds (id SERIAL PRIMARY KEY, amount NUMERIC NOT NULL);\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'Add refunds');
    // The editor learns about the new branch from its .git/HEAD watcher, as it would for a user.
    await waitFor(`the extension to see branch ${BRANCH}`, async () => (await api.git.branchKey(folder)) === BRANCH);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('creates .quality/reviews/<date>-<branch>-architecture.md filled from git and opens it beside its preview', async () => {
    const result = await startReview({ templateId: 'architecture' });
    const date = new Date().toISOString().slice(0, 10);
    assert.equal(result.uri.fsPath, path.join(reviewsDir, `${date}-feature-refunds-architecture.md`));
    assert.equal(result.created, true);
    assert.deepEqual(result.notes, []);
    assert.deepEqual(result.unknownPlaceholders, []);

    const text = await readFile(result.uri.fsPath, 'utf8');
    assert.match(text, /^---\ntemplate: architecture\nbase: main\nbaseSha: [0-9a-f]{40}\nhead: feature\/refunds\nheadSha: [0-9a-f]{40}\n/);
    assert.match(text, /^# Architecture review: feature\/refunds$/m);
    assert.match(text, /^- `src\/refunds.ts` — added, \+12 −0$/m);
    assert.match(text, /^- `migrations\/003_refunds.sql` — added, \+1 −0$/m);
    // Findings from the real engine, on added lines only, linked from the review's folder.
    assert.match(text, /^- \[ \] \[src\/refunds.ts:3\]\(\.\.\/\.\.\/src\/refunds.ts#L3\) \*\*deferred-to-sprint\*\*/m);
    assert.match(text, /^- \[ \] \[src\/refunds.ts:7\]\(\.\.\/\.\.\/src\/refunds.ts#L7\) \*\*swallowed-error\*\*/m);
    assert.doesNotMatch(text, /src\/orders.ts:\d/, 'a finding on a line the branch did not add');
    assert.match(text, /^### ENG-05 Errors fail loudly/m);
    assert.match(text, /^### Database migration \(`migration`\) — applies to `migrations\/003_refunds.sql`$/m);
    assert.doesNotMatch(text, /\{\{/);
    assert.doesNotMatch(text, /\n\n\n/, 'no run of blank lines (an empty {{notes}} takes its line)');

    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, result.uri.fsPath);
    await waitFor('the Markdown preview beside the review', () => openTabs().some((tab) => /preview/i.test(tab.label) && tab.label.includes('architecture')));
    const previewGroup = vscode.window.tabGroups.all.find((group) => group.tabs.some((tab) => /preview/i.test(tab.label)));
    assert.notEqual(previewGroup?.viewColumn, vscode.ViewColumn.One, 'the preview is beside the review, not in place of it');
  });

  it('continues an existing review without changing a byte of it', async () => {
    const first = await startReview({ templateId: 'architecture', continueExisting: true });
    const typed = `${await readFile(first.uri.fsPath, 'utf8')}\nReviewer's answer: the refund path needs a timeout.\n`;
    await writeFile(first.uri.fsPath, typed);
    const before = await readdir(reviewsDir);

    const again = await startReview({ templateId: 'architecture', continueExisting: true });
    assert.equal(again.created, false);
    assert.equal(again.uri.fsPath, first.uri.fsPath);
    assert.equal(await readFile(again.uri.fsPath, 'utf8'), typed);
    assert.deepEqual(await readdir(reviewsDir), before, 'no other file was written');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, first.uri.fsPath);
  });

  it('starts another review next to the existing one when asked, keeping the first', async () => {
    const first = await startReview({ templateId: 'architecture', continueExisting: true });
    const kept = await readFile(first.uri.fsPath, 'utf8');
    const other = await startReview({ templateId: 'architecture', continueExisting: false });
    assert.equal(other.created, true);
    assert.equal(other.uri.fsPath, first.uri.fsPath.replace(/\.md$/, '-2.md'));
    assert.equal(await readFile(first.uri.fsPath, 'utf8'), kept);
  });

  it('asks for the template, then whether to continue, with quick picks when not told (accepted as a user would)', async () => {
    const existing = await startReview({ templateId: 'architecture', continueExisting: true });
    const kept = await readFile(existing.uri.fsPath, 'utf8');
    // From the palette: no template and no choice. Enter on each quick pick takes its top item:
    // the default template (architecture), then "Continue the existing review".
    const running = answerWithEnter(
      () => vscode.commands.executeCommand<StartReviewResult | undefined>('qaLens.startReview', { base: 'main' }),
      (value) => value === undefined,
    );
    const result = await running;
    assert.ok(result, 'the command was cancelled');
    assert.equal(result.created, false);
    assert.equal(result.uri.fsPath, existing.uri.fsPath);
    assert.equal(await readFile(result.uri.fsPath, 'utf8'), kept);
  });

  it('shows the checklist progress recorded in the editor for this branch', async () => {
    const key = { folder: folder.uri.toString(), branch: BRANCH, file: 'migrations/003_refunds.sql', checklist: 'migration' };
    await api.checklistState.set({ ...key, item: 'MIG-01' }, { status: 'addressed' });
    await api.checklistState.set({ ...key, item: 'MIG-03' }, { status: 'deviates', reason: 'the table is new and empty' });
    const result = await startReview({ templateId: 'release-readiness', base: 'main' });
    const text = await readFile(result.uri.fsPath, 'utf8');
    assert.match(text, /^### Database migration \(`migration`, 1\/6 done\) — applies to `migrations\/003_refunds.sql`$/m);
    assert.match(text, /^- \[x\] MIG-01 /m);
    assert.match(text, /^- \[ \] MIG-03 .* — \*\*deviates\*\*: the table is new and empty$/m);
    assert.match(text, /^- \[ \] MIG-02 /m);
  });

  it('offers the repository\'s own templates and leaves unknown placeholders visible, reporting them', async () => {
    await mkdir(path.join(root, '.quality', 'templates'), { recursive: true });
    await writeFile(path.join(root, '.quality', 'templates', 'api-change.md'), '---\nname: API change\ndescription: ours\n---\n# API change on {{branch}}\n\n{{notes}}\n\nOwner: {{owner}}\n\n{{changedFiles}}\n');
    const result = await startReview({ templateId: 'api-change', base: 'main' });
    assert.deepEqual(result.unknownPlaceholders, ['{{owner}}']);
    const text = await readFile(result.uri.fsPath, 'utf8');
    assert.match(text, /^# API change on feature\/refunds\n\nOwner: \{\{owner\}\}\n\n- `migrations/m);
    // ...and in the Problems panel, on the template, at the placeholder's line.
    const template = vscode.Uri.file(path.join(root, '.quality', 'templates', 'api-change.md'));
    const problems = vscode.languages.getDiagnostics(template).filter((d) => d.source === 'QA Lens');
    assert.deepEqual(problems.map((d) => `${d.range.start.line + 1}: ${d.message}`), ['9: unknown placeholder {{owner}}']);
  });

  it('opens the review with a note when the given base does not exist', async () => {
    const result = await startReview({ templateId: 'consistency', base: 'no-such-branch' });
    assert.match(result.notes.join('\n'), /no-such-branch/);
    const text = await readFile(result.uri.fsPath, 'utf8');
    assert.match(text, /^> \*\*Note:\*\* .*no-such-branch/m);
    assert.match(text, /^# Consistency review: feature\/refunds$/m);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, result.uri.fsPath);
  });

  it('leaves the reviews the team committed out of the next review\'s "What changed"', async () => {
    // The reviews written so far, committed on the branch as a team that keeps them would.
    git(root, 'add', '.quality/reviews');
    git(root, 'commit', '-q', '-m', 'Keep the reviews');
    assert.notEqual(git(root, 'ls-files', '.quality/reviews').trim(), '');
    const result = await startReview({ templateId: 'security-reliability', continueExisting: false });
    const text = await readFile(result.uri.fsPath, 'utf8');
    const changed = text.split('## What changed\n\n')[1]?.split('\n## ')[0] ?? '';
    assert.match(changed, /^- `src\/refunds.ts` — added, \+12 −0$/m);
    assert.doesNotMatch(text, /\.quality\/reviews/);
  });
});
