// `npm run bench [-- [--runs N] [--profile] [--small] [REPO...]]`: the speed benchmark (not a
// test). Scans a generated corpus (>= 20,000 files, >= 200 MB, many languages; written once into
// .bench/ from a fixed seed) and any real repositories given, with qa-lens, ripgrep (Todo Tree's
// default pattern) and leasot; prints median wall time, files/s, MB/s, peak memory and the
// ratios; then the time to re-analyse a 10,000-line file after an edit, and a scaling check.
import { existsSync, realpathSync } from 'node:fs';
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { ensureCorpus, typescriptFile } from './bench/corpus.mjs';
import { GNU_TIME, HAVE_GNU_TIME, median, run } from './bench/measure.mjs';
import { profileScan } from './bench/profile.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(REPO, '.bench');
// A private copy: other work in this tree may rebuild dist/ while the bench runs. From .bench/ the
// bundle still finds resources/ (it walks up from its own folder). The launcher (cli.js) runs the
// bundle from its code cache, and the scan's worker threads are found next to it.
const DIST_FILES = ['cli.js', 'qa-lens-cli.js', 'qa-lens-cli.jsc', 'scanWorker.js'];
const CLI = path.join(BENCH, 'cli.js');
const RG = '/usr/bin/rg';
// Its CLI, as node_modules/.bin/leasot runs it (resolved through the bin link: the package's
// "exports" hide the file from require.resolve).
const LEASOT = realpathSync(path.join(REPO, 'node_modules', '.bin', 'leasot'));
const SCAN_ARGS = ['scan', '--format', 'json', '--fail-on', 'never', '--no-budgets', '.'];
/** DEFAULT_MIN_FILES_FOR_WORKERS in src/core/scan/workerPool.ts: below it a scan stays on one thread. */
const MIN_FILES_FOR_WORKERS = 1000;
/** MAX_DEFAULT_THREADS in src/cli/commands/scan.ts. */
const MAX_DEFAULT_THREADS = 4;
const NODE_FLOOR = path.join(REPO, 'scripts', 'bench', 'nodeFloor.mjs');
/** Todo Tree's default regex (todo-tree.regex.regex with its default tags). */
const TODO_TREE_PATTERN = '(//|#|<!--|;|/\\*|^|^[ \\t]*(-|\\d+.))\\s*(TODO|FIXME|HACK|XXX|BUG)';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args.splice(i, 1), true) : false;
};
const RUNS = Number(option('--runs', '3'));
const PROFILE = flag('--profile');
const SMALL = flag('--small');
const repos = args.map((a) => path.resolve(a));

const log = (text = '') => process.stdout.write(`${text}\n`);
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');

async function main() {
  await mkdir(BENCH, { recursive: true });
  for (const name of DIST_FILES) {
    if (!existsSync(path.join(REPO, 'dist', name))) throw new Error(`dist/${name} is missing: run \`npm run bench\` (it builds first)`);
    await copyFile(path.join(REPO, 'dist', name), path.join(BENCH, name));
  }
  if (!existsSync(RG)) throw new Error(`${RG} is missing: apt-get install ripgrep`);
  log(`qa-lens benchmark: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${load()}`);
  log(HAVE_GNU_TIME ? `peak memory from ${GNU_TIME} -v` : `peak memory by polling /proc/<pid>/status VmHWM (${GNU_TIME} is absent: apt-get install time)`);
  const corpus = path.join(BENCH, SMALL ? 'corpus-small' : 'corpus');
  await ensureCorpus(corpus, SMALL ? { files: 2000, megabytes: 21, log } : { log });

  const rows = [];
  const targets = [{ name: SMALL ? 'generated (small)' : 'generated', root: corpus }, ...repos.map((root) => ({ name: path.basename(root), root }))];
  for (const target of targets) rows.push(await compare(target));
  log();
  log(`Scaling (qa-lens, median of ${RUNS}):`);
  const half = await timeQaLens(path.join(corpus, 'h1'));
  const full = rows[0].results['qa-lens'];
  const halfSet = await fileSet(path.join(corpus, 'h1'));
  log(`  half corpus ${fmtMb(halfSet.bytes)} in ${fmtMs(half.wallMs)}; full ${fmtMb(rows[0].set.bytes)} in ${fmtMs(full.wallMs)}`);
  const timeRatio = full.wallMs / half.wallMs;
  const sizeRatio = rows[0].set.bytes / halfSet.bytes;
  const verdict = timeRatio <= sizeRatio * 1.1 ? 'grows no faster than the corpus' : `GROWS FASTER than the corpus (check the load average: ${load()})`;
  log(`  time ratio ${timeRatio.toFixed(2)} for a size ratio ${sizeRatio.toFixed(2)}: ${verdict}`);
  log(`  peak memory half ${half.peakMb.toFixed(0)} MB, full ${full.peakMb.toFixed(0)} MB`);

  log();
  await reanalysis();
  if (PROFILE) {
    log();
    log(`CPU profile of one qa-lens scan of ${targets[0].name} (top self time):`);
    for (const entry of await profileScan(CLI, corpus, path.join(BENCH, 'profile'))) {
      log(`  ${entry.ms.toFixed(0).padStart(7)} ms ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`);
    }
  }
  log();
  log(`load average at the end ${load()}`);
}

/** All files under the root that ripgrep would search (ignore files honoured), with their size. */
async function fileSet(root) {
  const listed = await run(RG, ['--files'], { cwd: root });
  const files = listed.stdout.toString('utf8').split('\n').filter(Boolean);
  const sizes = [];
  for (const file of files) sizes.push((await stat(path.join(root, file))).size);
  return { files, sizes, bytes: sizes.reduce((sum, size) => sum + size, 0) };
}

/**
 * The list nodeFloor.mjs reads: the files of the set qa-lens analyses (a known language, within
 * the default size limit), written to a file in .bench/.
 */
async function floorList(target, set) {
  const engine = await benchEngine();
  const analysed = set.files.filter((file, i) => set.sizes[i] <= engine.DEFAULT_MAX_FILE_SIZE && engine.languageForPath(file) !== undefined);
  const listFile = path.join(BENCH, `floor-${path.basename(target.root)}.txt`);
  await writeFile(listFile, analysed.map((file) => path.join(target.root, file)).join('\n'));
  // The threads qa-lens's scan uses by default (scanWorkers in src/cli/commands/scan.ts).
  const threads = set.files.length < MIN_FILES_FOR_WORKERS ? 1 : Math.min(os.availableParallelism(), MAX_DEFAULT_THREADS);
  return { listFile, threads, files: analysed.length };
}

async function compare(target) {
  const set = await fileSet(target.root);
  log();
  log(`${target.name}: ${target.root}`);
  log(`  ${set.files.length} files, ${fmtMb(set.bytes)}; median of ${RUNS} runs each; load average ${load()}`);
  const floor = await floorList(target, set);
  const tools = {
    'qa-lens': () => run(process.execPath, [CLI, ...SCAN_ARGS], { cwd: target.root }),
    // The same scan on the main thread only: what the worker threads add.
    'qa-lens (1 thread)': () => run(process.execPath, [CLI, ...SCAN_ARGS], { cwd: target.root, env: { QA_LENS_SCAN_THREADS: '1' } }),
    'ripgrep (Todo Tree pattern)': () => run(RG, ['--no-heading', '--line-number', '--no-messages', '-e', TODO_TREE_PATTERN, '.'], { cwd: target.root }),
    // Not a tool: what Node alone costs for the files qa-lens analyses (start, read, decode).
    'Node floor (start+read)': () => run(process.execPath, [NODE_FLOOR, floor.listFile, String(floor.threads)]),
    // Not a tool either: a Node process that starts and exits, below which no Node program goes.
    'Node start (node -e 0)': () => run(process.execPath, ['-e', '0']),
    leasot: () => run(process.execPath, [LEASOT, '--reporter', 'json', '--exit-nicely', '--skip-unsupported', '--tags', 'hack,xxx,bug', ...set.files], { cwd: target.root }),
  };
  const samples = Object.fromEntries(Object.keys(tools).map((k) => [k, []]));
  // Interleaved, so a burst of load from other processes hits every tool alike.
  for (let i = 0; i < RUNS; i++) {
    for (const [name, start] of Object.entries(tools)) {
      const result = await start();
      if (result.status !== 0 && !(name.startsWith('ripgrep') && result.status === 1)) {
        throw new Error(`${name} exited ${result.status}: ${result.stderr.slice(-2000)}`);
      }
      samples[name].push(result);
    }
  }
  const results = {};
  log(`  ${'tool'.padEnd(28)} ${'wall'.padStart(9)} ${'files/s'.padStart(9)} ${'MB/s'.padStart(8)} ${'peak RSS'.padStart(9)}  reported`);
  for (const [name, list] of Object.entries(samples)) {
    const wallMs = median(list.map((r) => r.wallMs));
    const peakMb = Math.max(...list.map((r) => r.peakMb));
    results[name] = { wallMs, peakMb };
    const seconds = wallMs / 1000;
    log(`  ${name.padEnd(28)} ${fmtMs(wallMs).padStart(9)} ${Math.round(set.files.length / seconds).toString().padStart(9)} ${(set.bytes / 1048576 / seconds).toFixed(1).padStart(8)} ${`${peakMb.toFixed(0)} MB`.padStart(9)}  ${reported(name, list[0].stdout)}`);
  }
  const q = results['qa-lens'].wallMs;
  const rg = results['ripgrep (Todo Tree pattern)'].wallMs;
  log(`  ratios: qa-lens/ripgrep ${(q / rg).toFixed(2)}x, qa-lens/leasot ${(q / results.leasot.wallMs).toFixed(2)}x, 1 thread/default ${(results['qa-lens (1 thread)'].wallMs / q).toFixed(2)}x`);
  // The floor of any Node scanner of this tree, against ripgrep: a ratio qa-lens cannot go below
  // whatever its engine does, since it starts Node and reads the same files.
  const floorMs = results['Node floor (start+read)'].wallMs;
  log(`  Node floor: ${floor.files} files read and decoded on ${floor.threads} thread(s), nothing analysed: ${(floorMs / rg).toFixed(2)}x ripgrep; qa-lens/floor ${(q / floorMs).toFixed(2)}x`);
  log(`  Node start alone (node -e 0): ${(results['Node start (node -e 0)'].wallMs / rg).toFixed(2)}x ripgrep`);
  if (set.files.length < MIN_FILES_FOR_WORKERS) {
    log(`  (under ${MIN_FILES_FOR_WORKERS} files the default scan starts no worker either: the two qa-lens rows run the same code, and differ by noise)`);
  }
  const outputs = new Set(samples['qa-lens'].concat(samples['qa-lens (1 thread)']).map((r) => r.stdout.toString('utf8')));
  if (outputs.size !== 1) throw new Error(`qa-lens wrote ${outputs.size} different reports for ${target.name} (threads or runs differ)`);
  return { target, set, results };
}

async function timeQaLens(root) {
  const list = [];
  for (let i = 0; i < RUNS; i++) list.push(await run(process.execPath, [CLI, ...SCAN_ARGS], { cwd: root }));
  return { wallMs: median(list.map((r) => r.wallMs)), peakMb: Math.max(...list.map((r) => r.peakMb)) };
}

function reported(name, stdout) {
  const text = stdout.toString('utf8');
  if (name.startsWith('qa-lens')) return `${JSON.parse(text).summary.findings} findings (10 rules)`;
  if (name.startsWith('Node floor')) return `${JSON.parse(text).files} files read, no findings`;
  if (name.startsWith('Node start')) return 'nothing read';
  if (name === 'leasot') {
    // leasot exits as soon as it has written, so a large report can be cut short on a pipe: count
    // the entries that arrived rather than parse.
    const tags = (text.match(/"tag":/g) ?? []).length;
    try {
      return `${JSON.parse(text).length} tags`;
    } catch {
      return `${tags}+ tags (its JSON was cut short at ${text.length} bytes)`;
    }
  }
  return `${text.split('\n').filter(Boolean).length} matching lines`;
}

/**
 * Re-analysis of a 10,000-line file after a one-line edit, in-process, as the editor runs it: a
 * DocumentSession updated with the edit (incremental), and analyzeDocument on the whole text for
 * reference. Both must report the same findings.
 */
async function reanalysis() {
  const engine = await benchEngine();
  const language = engine.languageForPath('src/big.ts');
  const settings = engine.defaultEngineSettings();
  const lines = typescriptFile(10_000).split('\n');
  const now = '2026-01-01';
  const session = new engine.DocumentSession({ path: 'src/big.ts', language, settings });
  session.analyze(lines.join('\n'), now);
  const incremental = [];
  const whole = [];
  let findings = 0;
  for (let i = 0; i < 105; i++) {
    // An edit: one line changes, somewhere different each time (a new comment word, a new TODO).
    const at = (i * 97) % 10_000;
    let start = 0;
    for (let k = 0; k < at; k++) start += lines[k].length + 1;
    const before = lines[at];
    lines[at] = i % 10 === 0 ? `  // TODO: edit ${i}` : `${lines[at]} x${i};`;
    const text = lines.join('\n');
    const change = { start, oldEnd: start + before.length, newEnd: start + lines[at].length };
    let started = process.hrtime.bigint();
    const updated = session.update(text, change, now);
    const incrementalMs = Number(process.hrtime.bigint() - started) / 1e6;
    started = process.hrtime.bigint();
    const reference = engine.analyzeDocument({ text, path: 'src/big.ts', language, settings, now });
    const wholeMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (JSON.stringify(updated) !== JSON.stringify(reference)) throw new Error(`edit ${i}: the incremental findings differ from the whole analysis`);
    findings = reference.length;
    if (i >= 5) {
      // the first runs warm the JIT up
      incremental.push(incrementalMs);
      whole.push(wholeMs);
    }
  }
  const describe = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return `median ${median(times).toFixed(2)} ms, p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(2)} ms, min ${sorted[0].toFixed(2)} ms`;
  };
  log(`Re-analysing a 10,000-line TypeScript file after a one-line edit (in-process, ${incremental.length} edits, ${findings} findings):`);
  log(`  incremental (DocumentSession.update, as the editor runs it): ${describe(incremental)} (target < 5 ms median)`);
  log(`  whole document (lex + analyzeDocument, for reference):      ${describe(whole)}`);
}

let engineBundle;

/** The engine bundled with the production settings (scripts/bench/engine-entry.mjs), built once per run. */
function benchEngine() {
  engineBundle ??= (async () => {
    const bundle = path.join(BENCH, 'engine.cjs');
    await mkdir(BENCH, { recursive: true });
    await esbuild.build({
      entryPoints: [path.join(REPO, 'scripts', 'bench', 'engine-entry.mjs')],
      outfile: bundle, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning',
    });
    return createRequire(import.meta.url)(bundle);
  })();
  return engineBundle;
}

function fmtMs(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

function fmtMb(bytes) {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

main().catch((error) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
