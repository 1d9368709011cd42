import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { waitFor } from '../shared/extension';
import { env, file, lensTitles, open, set, shown, statuses, type Env } from './helpers';

describe('checklists: what the user sees for a file', function () {
  this.timeout(60_000);
  let e: Env;

  before(async () => {
    e = await env();
  });

  it('several checklists apply to one file: the view and the file-top CodeLens show each', async () => {
    await open(e, 'views/010_views.sql');
    assert.deepEqual((await shown(e)).map((c) => c.checklist.id), ['db', 'sec']);
    await waitFor('both lenses', async () => (await lensTitles(e, 'views/010_views.sql')).length === 2);
    assert.deepEqual(await lensTitles(e, 'views/010_views.sql'), ['$(checklist) Database 0/3', '$(checklist) Security 0/2']);
  });

  it('a checklist edited on disk while shown: the view and the CodeLens follow, the states stay', async () => {
    await open(e, 'ops/deploy.yml');
    await set(e, 'ops/deploy.yml', 'ops', 'OPS-01', 'addressed');
    const path = file(e.root, '.quality/checklists/ops.md').fsPath;
    await writeFile(path, `${await readFile(path, 'utf8')}- [ ] OPS-03 Dashboards show the new metric\n`);
    await waitFor('the new item', async () => (await shown(e)).find((c) => c.checklist.id === 'ops')?.children.length === 3);
    assert.deepEqual(statuses((await shown(e)).find((c) => c.checklist.id === 'ops')), ['OPS-01=addressed', 'OPS-02=open', 'OPS-03=open']);
    await waitFor('the lens to count 3', async () => (await lensTitles(e, 'ops/deploy.yml')).includes('$(checklist) Operations 1/3'));
  });

  it('a malformed checklist is diagnostics at its file and lines; once fixed, they go', async () => {
    const bad = file(e.root, '.quality/checklists/bad.md');
    await writeFile(bad.fsPath, '---\ntitle: Bad\nappliesTo: ["bad/**"]\n---\n- [ ] no id here\n- [ ] BAD-01 fine\n- [ ] BAD-01 again\n');
    const diagnostics = await waitFor('diagnostics on bad.md', () => {
      const found = vscode.languages.getDiagnostics(bad);
      return found.length >= 2 ? found : undefined;
    });
    assert.deepEqual(diagnostics.map((d) => d.range.start.line + 1).sort((a, b) => a - b), [5, 7], diagnostics.map((d) => d.message).join(' | '));
    await writeFile(bad.fsPath, '---\ntitle: Bad\nappliesTo: ["bad/**"]\n---\n- [ ] BAD-01 fine\n');
    await waitFor('the diagnostics to go', () => vscode.languages.getDiagnostics(bad).length === 0);
  });

  it('non-ASCII paths, titles, items and reasons are shown and stored as written', async () => {
    await open(e, 'données/été.sql');
    await set(e, 'données/été.sql', 'intl', 'I18N-01', 'not-applicable', 'pas de texte visible — 表示なし ✓');
    const intl = (await shown(e)).find((c) => c.checklist.id === 'intl')!;
    assert.equal(intl.checklist.title, 'Internationalisation — état');
    assert.deepEqual(statuses(intl), ['I18N-01=not-applicable:pas de texte visible — 表示なし ✓']);
    assert.equal(e.api.sidebar.checklist.getTreeItem(intl.children[0]).label, 'I18N-01 Les chaînes sont traduites (日本語も) ✓');
    const stored = JSON.parse(await readFile(e.api.checklistState.path!, 'utf8')) as { entries: Record<string, Record<string, Record<string, unknown>>> };
    assert.ok(stored.entries[e.root.toString()]?.main?.['données/été.sql']);
  });
});
