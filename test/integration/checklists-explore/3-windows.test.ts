import * as assert from 'node:assert/strict';
import { readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ChecklistStateService } from '../../../src/extension/checklists/checklistState';
import type { ChecklistStateDocument } from '../../../src/core/checklists';
import { delay, waitFor } from '../shared/extension';
import { env, lensTitles, open, set, statuses, waitForStatuses, type Env } from './helpers';

/** The state file as another writer finds it. */
async function stored(e: Env): Promise<ChecklistStateDocument> {
  return JSON.parse(await readFile(e.api.checklistState.path!, 'utf8')) as ChecklistStateDocument;
}

/** Writes the state file as another program does: whole, then renamed into place (or in place). */
async function writeFromOutside(e: Env, text: string, inPlace = false): Promise<void> {
  const file = e.api.checklistState.path!;
  if (inPlace) return writeFile(file, text);
  await writeFile(`${file}.outside`, text);
  await rename(`${file}.outside`, file);
}

/** Waits, without refreshing anything in this window, until the view shows `expected` for a checklist. */
async function waitUntilShown(e: Env, checklistId: string, expected: string[]): Promise<void> {
  let last: string[] = [];
  try {
    await waitFor(`${checklistId} to read ${expected.join(', ')}`, () => {
      last = statuses(e.api.sidebar.checklist.checklists.find((c) => c.checklist.id === checklistId));
      return JSON.stringify(last) === JSON.stringify(expected);
    }, 10_000);
  } catch (error) {
    throw new Error(`${(error as Error).message}; it reads ${last.join(', ') || '(not shown)'}`);
  }
}

// Two windows on one workspace (two browser tabs on one code-server, or a window reloaded while
// another is open) each hold a copy of the state and write the same file.
describe('checklists: two windows share the state file without losing each other\'s states', function () {
  this.timeout(60_000);
  let e: Env;

  before(async () => {
    e = await env();
  });

  it('a state recorded in another window survives this window recording another', async () => {
    await open(e, 'api/orders.ts');
    const other = new ChecklistStateService(vscode.Uri.file(path.dirname(e.api.checklistState.path!)));
    try {
      await other.ready;
      const key = { folder: e.root.toString(), branch: 'main', file: 'api/orders.ts', checklist: 'api' };
      await other.set({ ...key, item: 'API-01' }, { status: 'deviates', reason: 'v1 only, agreed with the mobile team' });
      await e.api.checklistState.set({ ...key, item: 'API-02' }, { status: 'addressed' });
      await other.set({ ...key, item: 'API-03' }, { status: 'addressed' });
    } finally {
      other.dispose();
    }
    // What a reload reads.
    const reloaded = new ChecklistStateService(vscode.Uri.file(path.dirname(e.api.checklistState.path!)));
    await reloaded.ready;
    const read = reloaded.itemStates(e.root.toString(), 'main', 'api/orders.ts', 'api');
    reloaded.dispose();
    assert.deepEqual(Object.keys(read).sort(), ['API-01', 'API-02', 'API-03']);
    assert.equal(read['API-01'].reason, 'v1 only, agreed with the mobile team');
    // This window's view shows what the other recorded, before and after this one wrote.
    await waitForStatuses(e, 'api', ['API-01=deviates:v1 only, agreed with the mobile team', 'API-02=addressed', 'API-03=addressed']);
  });

  it('what another writer stores is shown here at once: view, CodeLens; this window\'s own writes cause no reload', async () => {
    await open(e, 'ops/deploy.yml');
    await waitUntilShown(e, 'ops', ['OPS-01=addressed', 'OPS-02=open', 'OPS-03=open']);
    const document = await stored(e);
    const folder = e.root.toString();
    document.entries[folder].main['ops/deploy.yml'].ops['OPS-02'] = { status: 'not-applicable', reason: 'no runbook for this service' };
    await writeFromOutside(e, `${JSON.stringify(document, null, 2)}\n`);
    await waitUntilShown(e, 'ops', ['OPS-01=addressed', 'OPS-02=not-applicable:no runbook for this service', 'OPS-03=open']);
    await waitFor('the lens to count 2', async () => (await lensTitles(e, 'ops/deploy.yml')).includes('$(checklist) Operations 2/3'));
    // A hand edit in place (not renamed into place) is seen too.
    document.entries[folder].main['ops/deploy.yml'].ops['OPS-03'] = { status: 'addressed' };
    await writeFromOutside(e, JSON.stringify(document), true);
    await waitUntilShown(e, 'ops', ['OPS-01=addressed', 'OPS-02=not-applicable:no runbook for this service', 'OPS-03=addressed']);
    // This window's own write is not taken for another writer's: no reload, no second change.
    let changes = 0;
    const listener = e.api.checklistState.onDidChange(() => changes++);
    try {
      await set(e, 'ops/deploy.yml', 'ops', 'OPS-01', 'open');
      await delay(1500);
      assert.equal(changes, 1);
    } finally {
      listener.dispose();
    }
    await waitUntilShown(e, 'ops', ['OPS-01=open', 'OPS-02=not-applicable:no runbook for this service', 'OPS-03=addressed']);
  });

  it('a tick made here while another writer stores the file keeps both', async () => {
    await open(e, 'ops/deploy.yml');
    const document = await stored(e);
    document.entries[e.root.toString()].main['ops/deploy.yml'].ops['OPS-03'] = { status: 'deviates', reason: 'dashboards come next release' };
    await writeFromOutside(e, `${JSON.stringify(document, null, 2)}\n`);
    // Recorded before this window has seen the file change.
    await set(e, 'ops/deploy.yml', 'ops', 'OPS-01', 'addressed');
    await waitUntilShown(e, 'ops', ['OPS-01=addressed', 'OPS-02=not-applicable:no runbook for this service', 'OPS-03=deviates:dashboards come next release']);
    const ops = (await stored(e)).entries[e.root.toString()].main['ops/deploy.yml'].ops;
    assert.deepEqual(Object.entries(ops).map(([id, state]) => `${id}=${state.status}`).sort(), ['OPS-01=addressed', 'OPS-02=not-applicable', 'OPS-03=deviates']);
  });

  it('a damaged state file from another writer is diagnostics at its line; the states shown stay until it is mended', async () => {
    await open(e, 'ops/deploy.yml');
    const stateUri = vscode.Uri.file(e.api.checklistState.path!);
    const good = await readFile(stateUri.fsPath, 'utf8');
    const lines = good.split('\n');
    const at = lines.findIndex((line) => line.includes('"OPS-03"'));
    // A status nobody knows, and then a missing comma: JSON that does not parse, as a hand edit leaves it.
    lines[at + 1] = lines[at + 1].replace('"deviates"', '"done"').replace(/,$/, '');
    await writeFromOutside(e, lines.join('\n'), true);
    const diagnostics = await waitFor('a diagnostic on the state file', () => {
      const found = vscode.languages.getDiagnostics(stateUri);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(diagnostics[0].range.start.line, at + 2, diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`).join(' | '));
    assert.equal(await readFile(stateUri.fsPath, 'utf8'), lines.join('\n'), 'the damaged file is left as written');
    assert.deepEqual(statuses(e.api.sidebar.checklist.checklists.find((c) => c.checklist.id === 'ops')), ['OPS-01=addressed', 'OPS-02=not-applicable:no runbook for this service', 'OPS-03=deviates:dashboards come next release']);
    // Valid JSON with an unknown status: the diagnostic moves to that line.
    lines[at + 1] = `${lines[at + 1]},`;
    await writeFromOutside(e, lines.join('\n'), true);
    await waitFor('the diagnostic at the status', () => vscode.languages.getDiagnostics(stateUri).some((d) => d.range.start.line === at + 1 && d.message.includes('"done"')));
    await writeFromOutside(e, good, true);
    await waitFor('the diagnostics to go', () => vscode.languages.getDiagnostics(stateUri).length === 0);
    await waitUntilShown(e, 'ops', ['OPS-01=addressed', 'OPS-02=not-applicable:no runbook for this service', 'OPS-03=deviates:dashboards come next release']);
  });
});
