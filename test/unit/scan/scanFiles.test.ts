import { strict as assert } from 'node:assert';
import { scanFiles, type DocumentToAnalyse, type ScanFilesOptions } from '../../../src/core/scan/scanFiles';
import type { DocumentOutcome } from '../../../src/core/scan/analyseFile';
import type { Finding } from '../../../src/core/types';
import { tempTree, type TempTree } from './tempTree';

/** A stand-in engine: one finding at every "TODO", so positions and order can be checked. */
function todoFinder(seen: Array<DocumentToAnalyse<string>> = []) {
  return (document: DocumentToAnalyse<string>): DocumentOutcome => {
    seen.push(document);
    const findings: Finding[] = [];
    document.text.split(/\r?\n/).forEach((line, i) => {
      for (let at = line.indexOf('TODO'); at >= 0; at = line.indexOf('TODO', at + 1)) {
        findings.push({
          ruleId: 'untracked-marker', severity: 'information', path: document.path, line: i + 1, column: at + 1, endLine: i + 1, endColumn: at + 5,
          message: 'm', excerpt: 'TODO', tag: 'TODO', ticket: null, deadline: null, principle: null, fingerprint: `${document.path}:${i}:${at}`,
        });
      }
    });
    return { findings, problems: [] };
  };
}

const byExtension = (relPath: string): string | undefined => ({ ts: 'typescript', py: 'python' } as Record<string, string>)[relPath.split('.').pop()!];

function options(root: string, extra: Partial<ScanFilesOptions<string>> = {}): ScanFilesOptions<string> {
  return { root, languageOf: byExtension, analyze: todoFinder(), ...extra };
}

describe('scanFiles', () => {
  let tree: TempTree;
  afterEach(async () => {
    await tree.remove();
  });

  it('analyses known files, skips and counts binary, too large and unknown ones', async () => {
    tree = await tempTree({
      'a.ts': '// TODO one\n',
      'b.py': '# TODO two\n',
      'bin.ts': Buffer.from([0x2f, 0x2f, 0x00, 0x01]),
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'notes.txt': 'TODO not scanned\n',
      'big.ts': `// TODO ${'x'.repeat(2000)}\n`,
    });
    const result = await scanFiles(options(tree.root, { maxFileSize: 1000 }));
    assert.deepEqual(result.files, ['a.ts', 'b.py']);
    assert.deepEqual(result.findings.map((f) => `${f.path}:${f.line}:${f.column}`), ['a.ts:1:4', 'b.py:1:3']);
    assert.deepEqual(result.skipped.map((s) => [s.path, s.reason]), [['big.ts', 'too-large'], ['bin.ts', 'binary'], ['image.png', 'binary'], ['notes.txt', 'unknown-type']]);
  });

  it('hands the engine UTF-8 text without the BOM, CRLF kept, invalid bytes replaced', async () => {
    tree = await tempTree({
      'bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('// TODO bom\r\nx // TODO crlf\r\n')]),
      'bad.ts': Buffer.from([0x2f, 0x2f, 0x20, 0xff, 0xfe, 0x20, 0x54, 0x4f, 0x44, 0x4f, 0x0a]),
    });
    const seen: Array<DocumentToAnalyse<string>> = [];
    const result = await scanFiles(options(tree.root, { analyze: todoFinder(seen) }));
    const bom = seen.find((d) => d.path === 'bom.ts')!;
    assert.equal(bom.text, '// TODO bom\r\nx // TODO crlf\r\n');
    assert.equal(bom.language, 'typescript');
    assert.equal(seen.find((d) => d.path === 'bad.ts')!.text, '// \uFFFD\uFFFD TODO\n');
    assert.deepEqual(result.findings.map((f) => `${f.path}:${f.line}:${f.column}`), ['bad.ts:1:7', 'bom.ts:1:4', 'bom.ts:2:6']);
  });

  it('sorts findings by path, line, column whatever order files finish in', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${String(i).padStart(2, '0')}.ts`] = '// TODO b TODO\n'.repeat(3);
    tree = await tempTree(files);
    const result = await scanFiles(options(tree.root, { concurrency: 7 }));
    const keys = result.findings.map((f) => [f.path, f.line, f.column] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    assert.deepEqual(keys, sorted);
    assert.equal(result.findings.length, 40 * 6);
  });

  it('reports progress for every file and skip', async () => {
    tree = await tempTree({ 'a.ts': '', 'b.ts': '', 'c.txt': '' });
    const progress: string[] = [];
    await scanFiles(options(tree.root, { concurrency: 1, onProgress: (p) => progress.push(`${p.scanned}/${p.skipped} ${p.path}`) }));
    assert.deepEqual(progress, ['1/0 a.ts', '2/0 b.ts', '2/1 c.txt']);
  });

  it('counts a file the engine fails on and keeps the others', async () => {
    tree = await tempTree({ 'a.ts': '// TODO\n', 'boom.ts': '' });
    const result = await scanFiles(options(tree.root, {
      analyze: (d) => {
        if (d.path === 'boom.ts') throw new Error('engine defect');
        return todoFinder()(d);
      },
    }));
    assert.equal(result.findings.length, 1);
    assert.deepEqual(result.skipped, [{ path: 'boom.ts', reason: 'analysis-failed', detail: 'engine defect' }]);
  });

  it('is cancelled by its AbortSignal', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`d${i % 10}/f${i}.ts`] = '// TODO\n';
    tree = await tempTree(files);
    const controller = new AbortController();
    let analysed = 0;
    await assert.rejects(
      scanFiles(options(tree.root, {
        signal: controller.signal,
        analyze: () => {
          if (++analysed === 5) controller.abort(new Error('cancelled by the user'));
          return { findings: [], problems: [] };
        },
      })),
      /cancelled by the user/,
    );
    assert.ok(analysed < 200, `stopped early (${analysed})`);
  });

  it('never reads more than `concurrency` files at once', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`f${i}.ts`] = 'x';
    tree = await tempTree(files);
    let active = 0;
    let peak = 0;
    await scanFiles(options(tree.root, {
      concurrency: 4,
      languageOf: (p) => {
        active++;
        peak = Math.max(peak, active);
        return byExtension(p);
      },
      analyze: () => {
        active--;
        return { findings: [], problems: [] };
      },
    }));
    assert.ok(peak <= 4 && peak >= 2, `peak ${peak}`);
  });
});
