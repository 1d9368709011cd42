import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fileUri, note, qaLens, setSetting, waitFor, writeAndOpen } from '../inline/helpers';
import { profiled } from '../shared/cpuProfile';
import { maxEventLoopDelay } from '../shared/eventLoop';

/** A 10,000-line TypeScript file with a shortcut every 50 lines. */
function bigFile(): string {
  const lines: string[] = [];
  for (let i = 0; i < 10_000; i++) {
    const block = [`export function f${i}(a: number): number {`, '  // compute the scaled value', `  const x = a * ${i}; /* inline */`, `  return x + ${i};`, '}'];
    lines.push(i % 50 === 0 ? `// TODO: revisit later (${i})` : block[i % 5]);
  }
  return `${lines.join('\n')}\n`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('inline: cost in the real extension host', function () {
  this.timeout(60_000);
  it('reports the activation time', async () => {
    const api = await qaLens();
    note(`activation: ${api.activationMs} ms (activate() in this extension host)`);
    assert.ok(api.activationMs >= 0, 'activate() recorded its duration');
  });

  it('measures the per-edit analysis of a 10,000-line file', async function () {
    this.timeout(120_000);
    const api = await qaLens();
    const run = await editLoop('perf/big.ts', 'edit-loop');
    assert.equal(run.findings, 200);
    const times = run.times;
    const sorted = [...times].sort((a, b) => a - b);
    note(`per-edit analysis of a 10,000-line file: median ${median(times).toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms over ${times.length} edits (${run.incremental} analysed incrementally: only the lines around the edit); longest extension-host stall ${run.maxDelayMs} ms (debounced; documents of 100,000 characters or more run on a worker thread, so this is time off the extension host's thread)`);
    // Reported, never asserted: speed targets live in `npm run bench`, not in tests.
    assert.equal(times.length, 15);
    assert.ok(api.activationMs >= 0);
  });

  it('measures the same edits with QA Lens finding nothing (control)', async function () {
    this.timeout(120_000);
    // The same file and edits under a path the team excluded: VS Code and its built-in extensions
    // (TypeScript for a .ts file) do the same work, QA Lens has no finding to show. The difference
    // between the two stalls is what QA Lens's findings cost the extension host.
    const api = await qaLens();
    await setSetting('qaLens.exclude', ['perf/control/**']);
    await waitFor(async () => ((await api.projects.forUri(fileUri('perf/control/big.ts')))?.config.exclude?.includes('perf/control/**') ? true : undefined), 'the exclusion to reach the project');
    try {
      const run = await editLoop('perf/control/big.ts', 'control-loop');
      assert.equal(run.findings, 0);
      note(`control (same file and edits, excluded: no findings): longest extension-host stall ${run.maxDelayMs} ms`);
    } finally {
      await setSetting('qaLens.exclude', undefined);
    }
  });
});

/**
 * Opens the big file at `relative`, waits for its first analysis, then makes 15 edits and waits for
 * each one's analysis, sampling the extension host's event loop (and profiling it when
 * QA_LENS_IT_PROFILE is set): what a user would feel is the longest stall of the host.
 */
async function editLoop(relative: string, profileName: string): Promise<{ times: number[]; maxDelayMs: number; findings: number; incremental: number }> {
  const api = await qaLens();
  const editor = await writeAndOpen(relative, bigFile());
  const doc = editor.document;
  const first = await waitFor(() => {
    const current = api.analyzer.peek(doc.uri);
    return current?.version === doc.version ? current : undefined;
  }, `the first analysis of ${relative}`);
  // One edit before sampling, then a pause: what happens once per window (VS Code builds its
  // grapheme tables when the first Explorer badge is validated, about 280 ms in one profile;
  // lenses, diagnostics and decorations appear for the first time) is not what each edit costs.
  await editor.edit((edit) => edit.insert(new vscode.Position(4999, 0), '// warm-up\n'));
  const warmVersion = doc.version;
  await waitFor(() => ((api.analyzer.peek(doc.uri)?.version ?? 0) >= warmVersion ? true : undefined), `the warm-up analysis of ${relative}`);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const times: number[] = [];
  let incremental = 0;
  const {
    result: { maxDelayMs },
    summary,
  } = await profiled(profileName, () =>
    maxEventLoopDelay(async () => {
      for (let i = 0; i < 15; i++) {
        await editor.edit((edit) => edit.insert(new vscode.Position(5000 + i, 0), `// note ${i}\n`));
        const version = doc.version;
        const analysis = await waitFor(() => {
          const current = api.analyzer.peek(doc.uri);
          return current && current.version >= version ? current : undefined;
        }, `the analysis of edit ${i}`);
        times.push(analysis.elapsedMs);
        if (analysis.incremental) incremental++;
      }
    }),
  );
  if (summary) {
    note(`profile ${profileName}: busy time by owner: ${summary.owners.join('; ')}`);
    note(`profile ${profileName}: longest busy stretch ${summary.longestBusyMs} ms: ${summary.longestBusy.join('; ')}`);
    note(`profile ${profileName}: top self time: ${summary.top.join('; ')}`);
  }
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return { times, maxDelayMs, findings: first.findings.length, incremental };
}
