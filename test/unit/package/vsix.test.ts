// Packages the extension with vsce (from the repository as it is: .vscodeignore against the real
// tree, whatever dist/ holds) and inspects the VSIX that would be published. It packages rather
// than only running `vsce ls` because the size limit needs the real archive; both cost the same
// walk over the tree.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const VSCE = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
const MAX_BYTES = 1_000_000;

/** Entry names of a zip archive, read from its central directory. */
function zipEntries(zip: Buffer): string[] {
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endOfDirectory >= 0, 'not a zip archive');
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let offset = zip.readUInt32LE(endOfDirectory + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'corrupt central directory');
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the VSIX package', function () {
  this.timeout(180_000);
  let dir: string;
  let vsix: string;
  let files: string[];

  before(async function () {
    assert.ok(existsSync(path.join(ROOT, 'dist', 'extension.js')), 'dist/extension.js is missing: run npm run build first');
    dir = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-vsix-'));
    vsix = path.join(dir, 'qa-lens.vsix');
    try {
      await promisify(execFile)(process.execPath, [VSCE, 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      assert.fail(`vsce package failed:\n${stderr}${stdout}`);
    }
    // Entries of the extension itself live under extension/ (the rest is VSIX metadata).
    files = zipEntries(await readFile(vsix))
      .filter((name) => name.startsWith('extension/'))
      .map((name) => name.slice('extension/'.length));
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is smaller than 1 MB', async () => {
    const { size } = await stat(vsix);
    assert.ok(size < MAX_BYTES, `the VSIX is ${size} bytes`);
  });

  it('holds the bundled extension, the CLI, the manifest and the icon', () => {
    for (const required of ['dist/extension.js', 'dist/cli.js', 'dist/qa-lens-cli.js', 'package.json', 'media/icon.png']) {
      assert.ok(files.includes(required), `${required} is missing from the VSIX: ${files.join(', ')}`);
    }
  });

  it('holds the run-time resources', () => {
    assert.ok(files.some((file) => file.startsWith('resources/')), 'no resources/ in the VSIX');
  });

  it('leaves out sources, tests, dependencies, the demo and caches', () => {
    const unwanted = files.filter((file) =>
      /^(src|test|out|scripts|node_modules|demo|\.vscode-test|\.ci|\.git|\.github)\//.test(file) ||
      /\.(ts|map|vsix|log)$/.test(file) ||
      /(^|\/)(tsconfig\.json|eslint\.config\.mjs|package-lock\.json|\.vscodeignore|\.gitignore)$/.test(file),
    );
    assert.deepEqual(unwanted, []);
  });
});
