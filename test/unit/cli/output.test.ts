import { strict as assert } from 'node:assert';
import { COLOURS, shouldUseColor } from '../../../src/cli/output/color';
import { formatJson } from '../../../src/cli/output/json';
import { progressLine } from '../../../src/cli/output/progress';
import type { ScanReport } from '../../../src/cli/output/report';
import { formatText, summaryLine } from '../../../src/cli/output/text';
import { TOOL_NAME, TOOL_VERSION } from '../../../src/cli/version';
import type { SkippedFile } from '../../../src/core/scan/types';
import type { Finding, Severity } from '../../../src/core/types';

function finding(path: string, line: number, column: number, severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'untracked-marker', severity, path, line, column, endLine: line, endColumn: column + 4, message: `message at ${line}:${column}`,
    excerpt: 'TODO: x', tag: 'TODO', ticket: null, deadline: null, principle: 'ENG-02', fingerprint: `fp-${path}-${line}-${column}`, ...extra,
  };
}

function report(findings: Finding[], files: number, skipped: SkippedFile[] = []): ScanReport {
  return { root: '/abs/root', result: { findings, files: Array.from({ length: files }, (_, i) => `f${i}.ts`), skipped, problems: [] }, problems: [] };
}

describe('text output', () => {
  it('groups by file, aligns, and ends with the summary line', () => {
    const text = formatText(report([
      finding('src/a.ts', 3, 4, 'warning', { ruleId: 'deferred-to-sprint' }),
      finding('src/a.ts', 12, 1, 'error', { ruleId: 'expired-deadline' }),
      finding('src/b.py', 1, 1, 'hint', { ruleId: 'tracked-marker', message: 'two\nlines' }),
    ], 2));
    assert.equal(text, [
      'src/a.ts',
      '  3:4   warning  message at 3:4  deferred-to-sprint',
      '  12:1  error    message at 12:1  expired-deadline',
      '',
      'src/b.py',
      '  1:1  hint  two lines  tracked-marker',
      '',
      '3 findings (1 error, 1 warning, 1 hint) in 2 files',
      '',
    ].join('\n'));
  });

  it('writes the summary of cli.md, skipped files by reason', () => {
    const findings = [
      finding('a', 1, 1, 'error'),
      ...Array.from({ length: 9 }, (_, i) => finding('b', i + 1, 1, 'warning')),
      ...Array.from({ length: 3 }, (_, i) => finding('c', i + 1, 1, 'information')),
      finding('d', 1, 1, 'hint'),
    ];
    const skipped: SkippedFile[] = [{ path: 'x.bin', reason: 'binary' }, { path: 'big.ts', reason: 'too-large' }, { path: 'y.png', reason: 'binary' }];
    assert.equal(summaryLine(report(findings, 120, skipped)), '14 findings (1 error, 9 warnings, 3 information, 1 hint) in 120 files; 3 skipped (2 binary, 1 too large)');
  });

  it('says so when there is nothing', () => {
    assert.equal(formatText(report([], 1)), '0 findings in 1 file\n');
    assert.equal(summaryLine(report([finding('a', 1, 1, 'warning')], 0, [{ path: 'l', reason: 'outside-root' }])), '1 finding (1 warning) in 0 files; 1 skipped (1 outside the root)');
  });

  it('colours severities and paths only when asked', () => {
    const plain = formatText(report([finding('a.ts', 1, 1, 'error')], 1));
    assert.ok(!plain.includes('\u001b['));
    const coloured = formatText(report([finding('a.ts', 1, 1, 'error')], 1), COLOURS);
    assert.ok(coloured.includes('\u001b[31merror\u001b[39m'));
    assert.equal(coloured.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), ''), plain);
  });
});

describe('colour decision', () => {
  it('follows the TTY, NO_COLOR, FORCE_COLOR and TERM=dumb', () => {
    assert.equal(shouldUseColor({ isTTY: true }, {}), true);
    assert.equal(shouldUseColor({ isTTY: false }, {}), false);
    assert.equal(shouldUseColor({}, {}), false);
    assert.equal(shouldUseColor({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(shouldUseColor({ isTTY: true }, { NO_COLOR: '' }), true);
    assert.equal(shouldUseColor({ isTTY: false }, { FORCE_COLOR: '1' }), true);
    assert.equal(shouldUseColor({ isTTY: false }, { FORCE_COLOR: '' }), true);
    assert.equal(shouldUseColor({ isTTY: true }, { FORCE_COLOR: '0' }), false);
    assert.equal(shouldUseColor({ isTTY: true }, { FORCE_COLOR: 'false' }), false);
    assert.equal(shouldUseColor({ isTTY: true }, { TERM: 'dumb' }), false);
  });
});

describe('JSON output', () => {
  it('has exactly the shape of cli.md', () => {
    const r = report([finding('src/orders.ts', 3, 4, 'warning', { ruleId: 'deferred-to-sprint', ticket: 'PROJ-1' }), finding('z.ts', 1, 1, 'hint')], 120, [{ path: 'x', reason: 'binary' }]);
    r.problems.push({ path: '.quality/config.json', line: 3, column: 5, message: 'bad', severity: 'error' });
    const json = JSON.parse(formatJson(r)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json), ['version', 'tool', 'root', 'summary', 'findings', 'problems']);
    assert.equal(json.version, 1);
    assert.deepEqual(json.tool, { name: TOOL_NAME, version: TOOL_VERSION });
    assert.equal(json.root, '/abs/root');
    assert.deepEqual(json.summary, { files: 120, skipped: 1, findings: 2, bySeverity: { error: 0, warning: 1, information: 0, hint: 1 } });
    const first = (json.findings as Array<Record<string, unknown>>)[0];
    assert.deepEqual(Object.keys(first), ['ruleId', 'severity', 'path', 'line', 'column', 'endLine', 'endColumn', 'message', 'excerpt', 'tag', 'ticket', 'deadline', 'principle', 'fingerprint']);
    assert.equal(first.ticket, 'PROJ-1');
    assert.equal(first.deadline, null);
    assert.deepEqual(json.problems, [{ path: '.quality/config.json', line: 3, column: 5, message: 'bad' }]);
  });
});

describe('progress line', () => {
  function fakeStream(isTTY: boolean) {
    const writes: string[] = [];
    return { writes, stream: { isTTY, columns: 40, write: (chunk: string) => writes.push(chunk) > 0 } as unknown as NodeJS.WritableStream & { isTTY: boolean } };
  }

  it('draws on a terminal, in place, and erases itself at the end', () => {
    const { writes, stream } = fakeStream(true);
    const line = progressLine(stream);
    line.update({ scanned: 3, skipped: 1, path: 'src/a-very-long-folder-name/and-a-long-file-name.ts' });
    line.update({ scanned: 4, skipped: 1, path: 'b.ts' }); // within 100 ms: not redrawn
    line.done();
    assert.equal(writes.length, 2);
    assert.ok(writes[0].startsWith('\r\u001b[Kscanning: 3 files, 1 skipped'));
    assert.ok(writes[0].length <= '\r\u001b[K'.length + 39, 'fits the terminal');
    assert.equal(writes[1], '\r\u001b[K');
  });

  it('writes nothing when not on a terminal', () => {
    const { writes, stream } = fakeStream(false);
    const line = progressLine(stream);
    line.update({ scanned: 1, skipped: 0, path: 'a.ts' });
    line.done();
    assert.deepEqual(writes, []);
  });
});
