import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { runNode, type Run } from '../childProcess';
import { tempTree, type TempTree } from '../scan/tempTree';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

function scan(args: string[], cwd: string, threads: string): Promise<Run> {
  return runNode(CLI, ['scan', ...args], cwd, { ...process.env, QA_LENS_SCAN_THREADS: threads });
}

describe('qa-lens scan on several threads (built CLI)', function () {
  this.timeout(120_000);
  let tree: TempTree;
  after(async () => {
    await tree.remove();
  });

  it('writes byte-identical JSON, SARIF and text reports with one thread and with workers', async () => {
    assert.ok(existsSync(path.join(REPO, 'dist', 'scanWorker.js')), 'the build writes dist/scanWorker.js next to dist/cli.js');
    // QA_LENS_SCAN_THREADS=2 starts a worker whatever the size; findings and skips of every kind.
    const files: Record<string, string | Uint8Array> = { 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]), 'notes.txt': 'x\n' };
    for (let i = 0; i < 900; i++) {
      const dir = `pkg${i % 7}/sub${i % 3}`;
      files[`${dir}/m${i}.${['ts', 'py', 'go', 'java'][i % 4]}`] =
        i % 5 === 0 ? `// TODO: item ${i}\n// fix this next sprint\nfunction f${i}() {}\n` : i % 5 === 1 ? `# noqa\nx = ${i}  # for now\n` : `const v${i} = ${i};\n`;
    }
    tree = await tempTree(files);
    for (const format of ['json', 'sarif', 'text']) {
      const args = ['--format', format, '--now', '2025-06-01', '--fail-on', 'never', '.'];
      const one = await scan(args, tree.root, '1');
      const two = await scan(args, tree.root, '2');
      assert.equal(one.status, 0, one.stderr);
      assert.equal(two.status, 0, two.stderr);
      assert.equal(two.stdout, one.stdout, `${format} differs`);
      assert.equal(two.stderr, one.stderr);
    }
    const report = JSON.parse((await scan(['--format', 'json', '--now', '2025-06-01', '--fail-on', 'never', '.'], tree.root, '2')).stdout) as { summary: { files: number; skipped: number; findings: number } };
    assert.equal(report.summary.files, 900);
    assert.equal(report.summary.skipped, 2);
    assert.ok(report.summary.findings > 200, `findings: ${report.summary.findings}`);
  });
});
