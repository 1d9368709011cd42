import * as assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import { activeExtension, delay } from '../shared/extension';
import { maxEventLoopDelay } from '../shared/eventLoop';

// Measurements, printed in the test titles (the spec reporter shows them) so a run reports them.

let api: QaLensApi;

/** Longest gap between timer ticks while `work` runs: how long the extension host was blocked. */
/** A file that looks like source: a few hundred lines, and a shortcut in one file of ten. */
function source(i: number): { rel: string; text: string } {
  const kinds = [
    { ext: 'ts', comment: '//', body: (n: number) => `export function f${n}(a: number): number {\n  return a * ${n};\n}\n` },
    { ext: 'py', comment: '#', body: (n: number) => `def f${n}(a):\n    return a * ${n}\n\n` },
    { ext: 'go', comment: '//', body: (n: number) => `func F${n}(a int) int {\n\treturn a * ${n}\n}\n` },
  ];
  const kind = kinds[i % kinds.length];
  const lines: string[] = [kind.ext === 'go' ? 'package big\n' : ''];
  for (let n = 0; n < 40; n++) lines.push(kind.body(n));
  if (i % 10 === 0) lines.push(`${kind.comment} TODO: clean this up later\n`);
  return { rel: `big/m${Math.floor(i / 100)}/file${i}.${kind.ext}`, text: lines.join('') };
}

describe('sidebar timing', function () {
  this.timeout(240_000);

  before(async () => {
    api = (await activeExtension()).exports as QaLensApi;
  });

  it('demo workspace: the first complete Shortcuts view', async function () {
    await api.sidebar.scan.whenIdle();
    await api.sidebar.shortcuts.settled();
    const total = api.sidebar.shortcuts.groups.reduce((n, g) => n + g.items.length, 0);
    assert.ok(total >= 15, `only ${total} findings on the demo`);
    const report = api.sidebar.scan.reports[0];
    this.test!.title += ` [${api.sidebar.firstScanMs} ms from activation; scan ${report.ms} ms for ${report.files} files, ${total} findings]`;
  });

  it('5,000-file repository: a complete Shortcuts view, with the extension host responsive', async function () {
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    const files = Array.from({ length: 5000 }, (_, i) => source(i));
    const dirs = new Set(files.map((f) => path.dirname(path.join(root, f.rel))));
    for (const dir of dirs) await mkdir(dir, { recursive: true });
    for (let i = 0; i < files.length; i += 200) await Promise.all(files.slice(i, i + 200).map((f) => writeFile(path.join(root, f.rel), f.text)));
    // Let the watcher's events for 5,000 new files settle first: the measurement is of a full scan.
    await delay(1000);
    await api.sidebar.scan.whenIdle();
    const started = performance.now();
    const { maxDelayMs } = await maxEventLoopDelay(async () => {
      await vscode.commands.executeCommand('qaLens.refresh');
      await api.sidebar.shortcuts.settled();
    });
    const ms = Math.round(performance.now() - started);
    const inBig = api.sidebar.shortcuts.groups.flatMap((g) => g.items).filter((i) => i.finding.path.startsWith('big/')).length;
    assert.equal(inBig, 500, 'one "clean this up later" in every tenth file');
    const report = api.sidebar.scan.reports.at(-1)!;
    this.test!.title += ` [${ms} ms to a complete view; scan ${report.ms} ms for ${report.files} files; longest event-loop stall ${maxDelayMs} ms]`;
    // The stall is reported in the title, never asserted: speed targets live in `npm run bench`.
  });
});
