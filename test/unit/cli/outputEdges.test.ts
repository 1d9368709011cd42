import { strict as assert } from 'node:assert';
import { buildSarif } from '../../../src/cli/output/sarif';
import { summaryLine } from '../../../src/cli/output/text';
import { parseConstitution } from '../../../src/core/constitution/parse';
import type { ScanReport } from '../../../src/cli/output/report';
import type { Finding } from '../../../src/core/types';
import { runCliInProcess } from '../cliInProcess';
import { tempTree } from '../scan/tempTree';

interface SarifLocation { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startColumn: number; endColumn: number } } }
interface SarifRun {
  tool: { driver: { rules: Array<{ id: string; helpUri?: string; defaultConfiguration: { level: string; enabled?: boolean } }> } };
  results: Array<{ locations: SarifLocation[]; properties: Record<string, string> }>;
  invocations: Array<{
    toolExecutionNotifications: Array<{ descriptor: { id: string }; level: string }>;
    toolConfigurationNotifications: Array<{ level: string; locations: SarifLocation[] }>;
  }>;
}

/** Output fields the other output tests leave open (cli.md): end columns, URI encoding, notification levels. */
describe('output edges', () => {
  it('JSON and SARIF carry the end column of each finding; SARIF percent-encodes every path segment', async () => {
    // `catch` is 5 characters: column 14 to end column 19.
    const tree = await tempTree({ 'src/odd #1?.ts': 'try { f(); } catch {}\n' });
    try {
      const json = await runCliInProcess(['scan', '.', '--format', 'json', '--now', '2025-11-27'], tree.root);
      const findings = (JSON.parse(json.stdout) as { findings: Array<{ line: number; column: number; endLine: number; endColumn: number }> }).findings;
      assert.deepEqual(findings.map((f) => [f.line, f.column, f.endLine, f.endColumn]), [[1, 14, 1, 19]]);

      const sarif = await runCliInProcess(['scan', '.', '--format', 'sarif', '--now', '2025-11-27'], tree.root);
      const [run] = (JSON.parse(sarif.stdout) as { runs: SarifRun[] }).runs;
      const { artifactLocation, region } = run.results[0].locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: 'src/odd%20%231%3F.ts', uriBaseId: '%SRCROOT%' });
      assert.equal(region?.endColumn, 19);
    } finally {
      await tree.remove();
    }
  });

  it('a file whose analysis failed is a warning notification, like an unreadable one; other skips are notes', () => {
    const report: ScanReport = {
      root: '/abs/root',
      result: { findings: [], files: [], skipped: [{ path: 'a.ts', reason: 'analysis-failed' }, { path: 'b.ts', reason: 'unreadable' }, { path: 'c.png', reason: 'binary' }], problems: [] },
      problems: [],
    };
    const [run] = buildSarif(report).runs as SarifRun[];
    assert.deepEqual(run.invocations[0].toolExecutionNotifications.map((n) => [n.descriptor.id, n.level]), [
      ['skipped/analysis-failed', 'warning'], ['skipped/unreadable', 'warning'], ['skipped/binary', 'note'],
    ]);
  });

  it('a problem in a file outside the root (a Windows absolute path too) is located by a file URI, not under %SRCROOT%', () => {
    const report: ScanReport = {
      root: '/abs/root',
      result: { findings: [], files: [], skipped: [], problems: [] },
      problems: [
        { path: 'C:/team/config.json', line: 1, column: 1, message: 'm', severity: 'error' },
        { path: '.quality/config.json', line: 2, column: 1, message: 'w', severity: 'warning' },
      ],
    };
    const [run] = buildSarif(report).runs as SarifRun[];
    const notifications = run.invocations[0].toolConfigurationNotifications;
    assert.deepEqual(notifications.map((n) => n.level), ['error', 'warning']);
    const { artifactLocation } = notifications[0].locations[0].physicalLocation;
    assert.equal(artifactLocation.uriBaseId, undefined);
    assert.match(artifactLocation.uri, /^file:\/\/.*config\.json$/);
  });

  it("a rule's helpUri is the principle's first absolute link, without the sentence's closing punctuation", () => {
    const { constitution } = parseConstitution('## ENG-01 Fail loudly\n<!-- qa: { rules: [swallowed-error] } -->\n\nSee https://example.com/guide/errors.\n', { path: 'c.md' });
    const report: ScanReport = { root: '/abs/root', result: { findings: [], files: [], skipped: [], problems: [] }, problems: [], constitution };
    const [run] = buildSarif(report).runs as SarifRun[];
    assert.equal(run.tool.driver.rules.find((r) => r.id === 'swallowed-error')?.helpUri, 'https://example.com/guide/errors');
  });

  it("a rule's default level is the severity the run configured for it", () => {
    const report: ScanReport = {
      root: '/abs/root', result: { findings: [], files: [], skipped: [], problems: [] }, problems: [],
      severities: { 'untracked-marker': 'error', 'swallowed-error': 'off' },
    };
    const [run] = buildSarif(report).runs as SarifRun[];
    const config = (id: string): unknown => run.tool.driver.rules.find((r) => r.id === id)?.defaultConfiguration;
    assert.deepEqual(config('untracked-marker'), { level: 'error' });
    assert.deepEqual(config('swallowed-error'), { level: 'warning', enabled: false });
  });

  it("a result's properties carry its tag, ticket, deadline and principle", () => {
    const finding: Finding = {
      ruleId: 'tracked-marker', severity: 'hint', path: 'a.ts', line: 1, column: 4, endLine: 1, endColumn: 8, message: 'm', excerpt: 'TODO(PROJ-1): x',
      tag: 'TODO', ticket: 'PROJ-1', deadline: '2026-01-31', principle: 'ENG-02', fingerprint: 'f',
    };
    const report: ScanReport = { root: '/abs/root', result: { findings: [finding], files: ['a.ts'], skipped: [], problems: [] }, problems: [] };
    const [run] = buildSarif(report).runs as SarifRun[];
    assert.deepEqual(run.results[0].properties, { tag: 'TODO', ticket: 'PROJ-1', deadline: '2026-01-31', principle: 'ENG-02' });
  });

  it('the summary names hidden findings only when there are some', () => {
    const report: ScanReport = { root: '/abs/root', result: { findings: [], files: ['a.ts'], skipped: [], problems: [] }, problems: [], hidden: { since: 0, baseline: 2 } };
    assert.equal(summaryLine(report), '0 findings in 1 file; 2 in the baseline');
  });
});
