// Writes the benchmark corpus: many files in many languages, generated from a fixed seed so every
// run (and every machine) measures the same bytes. Written once into the git-ignored .bench/ and
// reused; a marker file records the parameters so a changed generator writes a fresh corpus.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export const CORPUS_VERSION = 3;

/** mulberry32: small, fast, good enough for test data, and identical everywhere. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGUAGES = [
  { ext: 'ts', line: '//', weight: 14 },
  { ext: 'js', line: '//', weight: 10 },
  { ext: 'py', line: '#', weight: 10 },
  { ext: 'go', line: '//', weight: 7 },
  { ext: 'java', line: '//', weight: 8 },
  { ext: 'rb', line: '#', weight: 4 },
  { ext: 'rs', line: '//', weight: 4 },
  { ext: 'c', line: '//', weight: 4 },
  { ext: 'cpp', line: '//', weight: 4 },
  { ext: 'cs', line: '//', weight: 5 },
  { ext: 'php', line: '//', weight: 3 },
  { ext: 'kt', line: '//', weight: 3 },
  { ext: 'swift', line: '//', weight: 2 },
  { ext: 'sh', line: '#', weight: 2 },
  { ext: 'yaml', line: '#', weight: 3 },
  { ext: 'sql', line: '--', weight: 2 },
  { ext: 'lua', line: '--', weight: 1 },
  { ext: 'css', block: ['/*', '*/'], weight: 2 },
  { ext: 'html', block: ['<!--', '-->'], weight: 2 },
];

const WORDS = ('value result items index count total buffer request response handler config options user order ' +
  'invoice payment account session token cache queue worker record entry status error message logger client ' +
  'server router parser stream reader writer builder factory manager service context params payload schema').split(' ');
const PROSE = ('the this that with from into over when then must should returns computes checks keeps reads writes ' +
  'updates handles parses builds loads stores uses calls validates converts sorts maps filters merges splits').split(' ');
/** Comment notes that the rules report (a few per thousand lines, as in real code). */
const SHORTCUTS = [
  'TODO: handle the empty case',
  'FIXME: this breaks on leap years',
  'TODO(PROJ-123): move to the shared client',
  'we will fix it next sprint',
  'quick hack until the API supports paging',
  'HACK: work around the driver bug',
  'TODO(2024-03-31): remove the fallback',
  'XXX: not thread safe',
  'temporary workaround, clean up later',
];
/** Code the code rules report, with a comment syntax per family. */
const CODE_SHORTCUTS = {
  '//': ['try { run(); } catch (e) {}', '// eslint-disable-next-line no-console', 'const agent = new Agent({ rejectUnauthorized: false });'],
  '#': ['x = call()  # noqa', 'requests.get(url, verify=False)', 'os.chmod(path, 0o777)'],
  '--': ['SELECT 1; -- NOSONAR'],
};

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

function ident(rand) {
  return `${pick(rand, WORDS)}${pick(rand, WORDS).replace(/^./, (c) => c.toUpperCase())}${Math.floor(rand() * 100)}`;
}

function codeLine(rand, lang) {
  const a = ident(rand);
  const b = ident(rand);
  switch (Math.floor(rand() * 6)) {
    case 0: return `  const ${a} = ${b}.${pick(rand, WORDS)}(${ident(rand)}, ${Math.floor(rand() * 1000)});`;
    case 1: return `  if (${a} > ${b}) { return ${a}; }`;
    case 2: return `  ${a} = "${pick(rand, PROSE)} ${pick(rand, WORDS)} ${pick(rand, PROSE)}";`;
    case 3: return `  for (let i = 0; i < ${a}.length; i++) ${b}.push(${a}[i]);`;
    case 4: return lang.ext === 'py' ? `def ${a}(${b}):` : `function ${a}(${b}) {`;
    default: return `  ${a}.${pick(rand, WORDS)}(${b});`;
  }
}

function comment(rand, lang, text) {
  return lang.block ? `  ${lang.block[0]} ${text} ${lang.block[1]}` : `  ${lang.line} ${text}`;
}

function prose(rand) {
  const n = 4 + Math.floor(rand() * 8);
  return Array.from({ length: n }, (_, i) => (i % 2 ? pick(rand, PROSE) : pick(rand, WORDS))).join(' ');
}

function fileText(rand, lang, targetBytes) {
  const lines = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const r = rand();
    let line;
    if (r < 0.0025) line = comment(rand, lang, pick(rand, SHORTCUTS));
    else if (r < 0.0035 && !lang.block) line = `  ${pick(rand, CODE_SHORTCUTS[lang.line] ?? CODE_SHORTCUTS['//'])}`;
    else if (r < 0.12) line = comment(rand, lang, prose(rand));
    else line = codeLine(rand, lang);
    lines.push(line);
    bytes += line.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `files` files, about `megabytes` MB in total, split into two halves `h1/` and `h2/` of equal
 * size (the scaling check scans one half, then both).
 */
export async function ensureCorpus(dir, { files = 20_000, megabytes = 210, seed = 20261127, log = () => {} } = {}) {
  // The marker sits beside the corpus, not in it, so every tool sees exactly the generated files.
  const marker = `${dir}.corpus.json`;
  const wanted = JSON.stringify({ version: CORPUS_VERSION, files, megabytes, seed });
  try {
    if ((await readFile(marker, 'utf8')) === wanted) return;
  } catch {
    // No marker: write the corpus.
  }
  log(`writing the benchmark corpus (${files} files, ~${megabytes} MB, seed ${seed}) into ${dir} ...`);
  await rm(dir, { recursive: true, force: true });
  const rand = rng(seed);
  const totalWeight = LANGUAGES.reduce((sum, l) => sum + l.weight, 0);
  const averageBytes = (megabytes * 1024 * 1024) / files;
  await mkdir(dir, { recursive: true });
  // A repository of its own: .bench/ is git-ignored in this repository, and qa-lens (like git)
  // honours ignore files up to the enclosing work tree, so without this it would scan nothing.
  execFileSync('git', ['init', '-q', dir]);
  for (let i = 0; i < files; i++) {
    let r = rand() * totalWeight;
    const lang = LANGUAGES.find((l) => (r -= l.weight) < 0) ?? LANGUAGES[0];
    // Sizes spread from a tenth to about three times the average (a long tail, like real code).
    const size = Math.round(averageBytes * (0.1 + 2.9 * rand() ** 2) / 1.0667);
    const half = i % 2 === 0 ? 'h1' : 'h2';
    const rel = path.join(half, `pkg${Math.floor(i / 400)}`, `mod${Math.floor(i / 40) % 10}`, `${ident(rand).toLowerCase()}_${i}.${lang.ext}`);
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, fileText(rand, lang, size));
  }
  await writeFile(marker, wanted);
}

export const CORPUS_EXTENSIONS = LANGUAGES.map((l) => l.ext);

/** A `lines`-line TypeScript file from the same generator (the re-analysis benchmark edits it). */
export function typescriptFile(lines, seed = 7) {
  const rand = rng(seed);
  const lang = LANGUAGES[0];
  const out = [];
  while (out.length < lines) out.push(...fileText(rand, lang, 2000).trimEnd().split('\n'));
  return `${out.slice(0, lines).join('\n')}\n`;
}
