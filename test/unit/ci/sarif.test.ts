import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import { RULES } from '../../../src/core/rules/catalog';
import { tempTree, type TempTree } from '../scan/tempTree';
import { buildCli, qaLens, removeCli } from './cli';
import { sarifErrors } from './sarifSchema';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
  partialFingerprints: Record<string, string>;
}
interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: string; enabled?: boolean };
  help: { text: string; markdown: string };
  helpUri?: string;
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
    invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>; toolConfigurationNotifications: Array<{ message: { text: string } }> }>;
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }>;
}

const CONSTITUTION = `---
title: Test constitution
version: 1.0.0
---
## SEC-1 Keep TLS on
<!-- qa: { level: must, rules: [insecure-shortcut] } -->
See https://example.com/handbook/tls#verify for the background.

**How to check:** Does every client verify certificates?

## ENG-2 Plan the work
<!-- qa: { level: should, rules: [untracked-marker, deferred-to-sprint] } -->
**How to check:** Is there a ticket for each TODO?
`;

async function sarif(args: string[], cwd: string): Promise<{ status: number | null; log: SarifLog; stderr: string }> {
  const run = await qaLens(['scan', '--format', 'sarif', '--now', '2026-01-01', ...args], cwd);
  return { status: run.status, log: JSON.parse(run.stdout) as SarifLog, stderr: run.stderr };
}

describe('qa-lens scan --format sarif', function () {
  this.timeout(120_000);
  let tree: TempTree | undefined;

  before(buildCli);
  after(removeCli);
  afterEach(async () => {
    await tree?.remove();
    tree = undefined;
  });

  it('is valid SARIF 2.1.0 with the driver, rules, results and notifications cli.md lists', async () => {
    tree = await tempTree({
      '.quality/constitution.md': CONSTITUTION,
      '.quality/config.json': '{ "rules": { "tracked-marker": "off" }, "ticketPatterns": ["("] }\n',
      'src/a b/ünï.ts': 'const x = 1;\n  // TODO: fix this in the next sprint\nfetch(u, { rejectUnauthorized: false });\n',
      'src/plain.py': '# TODO: tidy\n',
      'img.png': Buffer.from([0x89, 0x50, 0, 0, 1]),
      'notes.xyz': 'plain text\n',
      'zz-big.ts': `// TODO: never read\n${'x'.repeat(1024 * 1024)}`,
    });
    const { status, log, stderr } = await sarif([], tree.root);
    assert.equal(status, 0);
    assert.match(stderr, /ticketPatterns/);
    assert.deepEqual(sarifErrors(log), []);
    // The validator does reject what the schema forbids (a VS Code severity name as a level).
    const broken = JSON.parse(JSON.stringify(log)) as SarifLog;
    broken.runs[0].results[0].level = 'information';
    assert.notDeepEqual(sarifErrors(broken), []);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [run] = log.runs;

    const driver = run.tool.driver;
    assert.equal(driver.name, 'qa-lens');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(driver.rules.map((r) => r.id), RULES.map((r) => r.id), 'every rule, catalog order');
    for (const rule of driver.rules) {
      assert.ok(rule.name && rule.shortDescription.text && rule.fullDescription.text, rule.id);
      assert.ok(rule.help.text && rule.help.markdown, rule.id);
    }
    const insecure = driver.rules.find((r) => r.id === 'insecure-shortcut');
    assert.ok(insecure);
    assert.match(insecure.help.text, /SEC-1 Keep TLS on/);
    assert.match(insecure.help.text, /How to check: Does every client verify certificates\?/);
    assert.match(insecure.help.markdown, /\*\*How to check:\*\* Does every client verify certificates\?/);
    assert.equal(insecure.helpUri, 'https://example.com/handbook/tls#verify');
    const untracked = driver.rules.find((r) => r.id === 'untracked-marker');
    assert.match(untracked?.help.text ?? '', /ENG-2 Plan the work/);
    assert.equal(untracked?.helpUri, undefined, 'no absolute URL in that principle: no helpUri');
    assert.match(driver.rules.find((r) => r.id === 'swallowed-error')?.help.text ?? '', /No principle/);
    assert.deepEqual(driver.rules.find((r) => r.id === 'tracked-marker')?.defaultConfiguration, { level: 'none', enabled: false });
    assert.equal(driver.rules.find((r) => r.id === 'expired-deadline')?.defaultConfiguration.level, 'error');
    assert.equal(untracked?.defaultConfiguration.level, 'note');

    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(tree.root).href}/` } });
    const results = run.results.map((r) => {
      const location = r.locations[0].physicalLocation;
      return `${location.artifactLocation.uri} ${location.artifactLocation.uriBaseId} ${location.region.startLine}:${location.region.startColumn}-${location.region.endLine}:${location.region.endColumn} ${r.ruleId} ${r.level}`;
    });
    assert.deepEqual(results, [
      'src/a%20b/%C3%BCn%C3%AF.ts %SRCROOT% 2:6-2:10 deferred-to-sprint warning',
      'src/a%20b/%C3%BCn%C3%AF.ts %SRCROOT% 3:12-3:37 insecure-shortcut warning',
      'src/plain.py %SRCROOT% 1:3-1:7 untracked-marker note',
    ]);
    for (const result of run.results) {
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(result.message.text.length > 0);
      assert.match(Object.values(result.partialFingerprints)[0], /^[0-9a-f]{32}$/);
    }

    const [invocation] = run.invocations;
    assert.equal(invocation.executionSuccessful, true);
    assert.deepEqual(invocation.toolExecutionNotifications.map((n) => n.locations[0].physicalLocation.artifactLocation.uri), ['img.png', 'notes.xyz', 'zz-big.ts']);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /binary/);
    assert.equal(invocation.toolExecutionNotifications[2].message.text, 'Skipped zz-big.ts: too large (1048596 bytes, the limit is 1048576).');
    assert.equal(invocation.toolConfigurationNotifications.length, 1);
  });

  it('maps hint to none and keeps partialFingerprints when lines are inserted above', async () => {
    tree = await tempTree({
      'svc.ts': ['export function f(): void {', '  // TODO(PROJ-7): tracked', '  // TODO: untracked', '  try { g(); } catch {}', '}', ''].join('\n'),
    });
    const before = await sarif([], tree.root);
    assert.deepEqual(sarifErrors(before.log), []);
    const levels = before.log.runs[0].results.map((r) => `${r.ruleId}:${r.level}`);
    assert.deepEqual(levels, ['tracked-marker:none', 'untracked-marker:note', 'swallowed-error:warning']);

    // The same file edited between two scans: ten lines inserted at the top.
    const lines = ['export function f(): void {', '  // TODO(PROJ-7): tracked', '  // TODO: untracked', '  try { g(); } catch {}', '}', ''];
    await tree.write('svc.ts', ['// header', ...Array.from({ length: 9 }, (_, i) => `const pad${i} = ${i};`), ...lines].join('\n'));
    const after = await sarif([], tree.root);
    const key = (log: SarifLog): string[] => log.runs[0].results.map((r) => `${r.ruleId} ${JSON.stringify(r.partialFingerprints)}`);
    assert.deepEqual(key(after.log), key(before.log));
    assert.deepEqual(after.log.runs[0].results.map((r) => r.locations[0].physicalLocation.region.startLine), [12, 13, 14]);
  });
});
