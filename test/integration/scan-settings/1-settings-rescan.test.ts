import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import { FULL_RESCAN_SETTLE_MS, type ScanState } from '../../../src/extension/scan/workspaceScan';
import { delay } from '../shared/extension';
import { qaLens, setSetting, waitFor } from '../inline/helpers';

const SETTINGS = ['qaLens.rules', 'qaLens.phrases', 'qaLens.exclude', 'qaLens.sprintLengthDays', 'qaLens.deadlineWarningDays'];

/** Every finding of the workspace scan, as `folder:path:line:rule:severity`. */
function findings(api: QaLensApi): string[] {
  return api.sidebar.scan.all().map(({ folder, finding }) => `${folder.name}:${finding.path}:${finding.line}:${finding.ruleId}:${finding.severity}`).sort();
}

/** Counts the scans that start (and the folders that finish) from now on. */
function countScans(api: QaLensApi): { started: () => number; folders: () => string[]; dispose: () => void } {
  let started = 0;
  const before = api.sidebar.scan.reports.length;
  const subscription = api.sidebar.scan.onDidChangeState((state: ScanState) => {
    if (state === 'scanning') started++;
  });
  return {
    started: () => started,
    folders: () => api.sidebar.scan.reports.slice(before).map((report) => report.folder).sort(),
    dispose: () => {
      subscription.dispose();
    },
  };
}

/**
 * How many bursts the changes came in: changes less than the settle time apart are one burst. In
 * this harness each settings write takes about a second to arrive, which is under the settle time
 * on a calm machine (one burst, one scan); on a loaded one a gap can exceed it, and then a second
 * scan is right, not a duplicate.
 */
function bursts(arrivals: readonly number[]): number {
  return arrivals.filter((at, i) => i === 0 || at - (arrivals[i - 1] ?? 0) >= FULL_RESCAN_SETTLE_MS).length;
}

/** Idle, and still idle a while later: a rescan queued late would show up in the counts. */
async function settled(api: QaLensApi): Promise<void> {
  await api.sidebar.scan.whenIdle();
  await delay(1_500);
  await api.sidebar.scan.whenIdle();
}

describe('scan: detection settings changed one after another', function () {
  this.timeout(90_000);
  let api: QaLensApi;

  before(async () => {
    api = await qaLens();
    await waitFor(() => (api.sidebar.scan.state === 'done' ? true : undefined), 'the first scan', 30_000);
    await settled(api);
  });

  afterEach(async () => {
    for (const key of SETTINGS) await setSetting(key, undefined);
    await settled(api);
  });

  it('rescan each folder once, with every setting applied', async () => {
    assert.deepEqual(findings(api), [
      'api:legacy/old.ts:1:untracked-marker:information',
      'api:src/a.ts:1:untracked-marker:information',
      'web:legacy/old.ts:1:untracked-marker:information',
      'web:src/b.ts:1:untracked-marker:information',
    ]);
    const scans = countScans(api);
    // When each change arrived (ms), for the failure message: the gaps decide what coalesces.
    const t0 = Date.now();
    const arrivals: number[] = [];
    const arrival = api.projects.onDidChange(() => arrivals.push(Date.now() - t0));
    try {
      // One after another, each awaited: in VS Code every one is its own change event.
      await setSetting('qaLens.rules', { 'untracked-marker': 'error' });
      await setSetting('qaLens.phrases', { 'vague-deferral': ['\\bloyalty\\b'] });
      await setSetting('qaLens.exclude', ['legacy/**']);
      await setSetting('qaLens.sprintLengthDays', 7);
      await setSetting('qaLens.deadlineWarningDays', 3);
      const expected = [
        'api:src/a.ts:1:untracked-marker:error',
        'api:src/a.ts:3:vague-deferral:warning',
        'web:src/b.ts:1:untracked-marker:error',
        'web:src/b.ts:3:vague-deferral:warning',
      ];
      await waitFor(async () => {
        await api.sidebar.scan.whenIdle();
        return findings(api).join('\n') === expected.join('\n') ? true : undefined;
      }, 'the findings of all five settings', 30_000).catch(() => undefined);
      await settled(api);
      assert.deepEqual(findings(api), expected);
      const expectedScans = bursts(arrivals);
      const why = `changes arrived at ${arrivals.join(', ')} ms`;
      assert.equal(arrivals.length, 5, why);
      // One scan per burst at most (a scan overtaken by the next burst stops without finishing).
      const started = scans.started();
      assert.ok(started >= 1 && started <= expectedScans, `${started} scans started for ${expectedScans} burst(s); ${why}`);
      const perFolder = (name: string): number => scans.folders().filter((folder) => folder === name).length;
      for (const name of ['api', 'web']) {
        assert.ok(perFolder(name) >= 1 && perFolder(name) <= started, `${name} scanned ${perFolder(name)} times in ${started} scan(s); ${why}`);
      }
    } finally {
      arrival.dispose();
      scans.dispose();
    }
  });

  it("a folder's own setting rescans that folder alone", async () => {
    const web = vscode.workspace.workspaceFolders![1];
    const scans = countScans(api);
    try {
      await setSetting('qaLens.rules', { 'untracked-marker': 'error' }, vscode.ConfigurationTarget.WorkspaceFolder, web.uri);
      await waitFor(() => (findings(api).includes('web:src/b.ts:1:untracked-marker:error') ? true : undefined), "web's findings with its own setting", 20_000);
      await settled(api);
      assert.ok(findings(api).includes('api:src/a.ts:1:untracked-marker:information'), findings(api).join('\n'));
      assert.deepEqual({ started: scans.started(), folders: scans.folders() }, { started: 1, folders: ['web'] });
    } finally {
      scans.dispose();
      await setSetting('qaLens.rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder, web.uri);
    }
  });

  it("a scan running when a folder's project changes stops and is replaced, not followed by another (and Cancel stops the replacement)", async () => {
    // Enough files in the first folder that the scan is still reading it when the change comes.
    const api0 = vscode.workspace.workspaceFolders![0];
    const generated = vscode.Uri.joinPath(api0.uri, 'generated');
    const body = Array.from({ length: 40 }, (_, i) => `export const value${i} = ${i}; // plain note ${i}`).join('\n');
    for (let start = 0; start < 4000; start += 200) {
      await Promise.all(Array.from({ length: 200 }, (_, i) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(generated, `f${start + i}.ts`), new TextEncoder().encode(`// TODO: item ${start + i}\n${body}\n`))));
    }
    await vscode.commands.executeCommand('qaLens.refresh');
    await settled(api);

    const states: ScanState[] = [];
    const stateLog = api.sidebar.scan.onDidChangeState((state) => states.push(state));
    try {
      const refresh = vscode.commands.executeCommand('qaLens.refresh');
      await waitFor(() => (api.sidebar.scan.state === 'scanning' && api.sidebar.scan.progress > 0 ? true : undefined), 'the scan to be reading files', 10_000);
      // What a settings change, a team file's change or a trust grant does for the folder.
      const reportsAtChange = api.sidebar.scan.reports.length;
      api.projects.invalidate(api0);
      await refresh;
      await settled(api);
      // The refresh's scan stopped where it was (in api): only the rescan's folders were reported.
      assert.deepEqual(api.sidebar.scan.reports.slice(reportsAtChange).map((report) => report.folder), ['api', 'web'], `states: ${states.join(', ')}`);
      assert.deepEqual(states, ['scanning', 'scanning', 'done'], 'a superseded scan is not "cancelled"');
      assert.equal(api.sidebar.scan.all().filter(({ folder, finding }) => folder.name === 'api' && finding.ruleId === 'untracked-marker').length, 4002);

      // Cancel between the superseded scan and its replacement stops the replacement too.
      const again = vscode.commands.executeCommand('qaLens.refresh');
      await waitFor(() => (api.sidebar.scan.state === 'scanning' && api.sidebar.scan.progress > 0 ? true : undefined), 'the scan to be reading files again', 10_000);
      const reportsAtCancel = api.sidebar.scan.reports.length;
      api.projects.invalidate(api0);
      await vscode.commands.executeCommand('qaLens.cancelScan');
      await again;
      await settled(api);
      assert.equal(api.sidebar.scan.state, 'cancelled');
      assert.equal(api.sidebar.scan.reports.length, reportsAtCancel, 'no folder was scanned after Cancel');
    } finally {
      stateLog.dispose();
      await vscode.workspace.fs.delete(generated, { recursive: true });
      await settled(api);
    }
  });
});
