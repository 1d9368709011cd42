import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { type Command, type ParsedArgs, stringOption } from '../command';
import { type CliIo, EXIT_OK, EXIT_USAGE, FatalError, UsageError } from '../io';
import { analyzeDocument } from '../../core/engine';
import { globMatcher } from '../../core/glob';
import { builtInLanguageIds, languageForPath } from '../../core/languages/index';
import { loadProject } from '../../core/project';
import { formatProblem, type Problem } from '../../core/types';
import { GitError, openRepo, tryResolveCommit } from '../../git/index';
import { type AnalyzeFile, DEFAULT_REVIEWS_FOLDER, DEFAULT_TEMPLATE_ID, loadTemplateCatalog, prepareReview } from '../../core/review/index';
import { isRelativeInside } from '../../core/insideRoot';

const USAGE = `Usage: qa-lens review [--template ID] [--base GIT-REF] [--out FILE]

Prints the peer-review document for the current branch: the chosen template filled in with the
changed files, commits, new findings, and the principles and checklists that apply.

Options:
  --template ID    the template (default: ${DEFAULT_TEMPLATE_ID}); bundled: architecture, consistency,
                   security-reliability, release-readiness; plus .quality/templates/<id>.md and
                   GitHub pull-request templates (github-pr, github-pr-<name>)
  --base GIT-REF   compare with this ref (default: reviews.base in .quality/config.json, else the
                   remote's default branch, else main or master)
  --out FILE       write the document to FILE instead of printing it (never overwrites)
  -h, --help       show this help
`;

export const reviewCommand: Command = {
  name: 'review',
  summary: 'print (or write) the peer-review document for the current branch',
  usage: USAGE,
  options: {
    template: { type: 'string' },
    base: { type: 'string' },
    out: { type: 'string' },
  },
  allowPositionals: false,
  run: runReview,
};

async function runReview(args: ParsedArgs, io: CliIo): Promise<number> {
  const opened = await openRepo(io.cwd);
  if (opened.kind !== 'ok') {
    throw new FatalError(opened.kind === 'not-installed' ? opened.message : `${opened.message}: review compares the current branch with its base, which needs a git repository`);
  }
  const root = opened.root;
  const problems: Problem[] = [];

  // One loader for the whole product: config, engine settings (with the principles' scopes),
  // constitution and checklists mean the same here as in `qa-lens scan` and in the editor.
  const project = await loadProject(root, { languageIds: builtInLanguageIds() });
  problems.push(...project.problems);
  const config = project.config;
  const reviewsFolder = config.reviews?.folder ?? DEFAULT_REVIEWS_FOLDER;

  const catalog = await loadTemplateCatalog({ root });
  problems.push(...catalog.problems);
  const templateId = stringOption(args, 'template') ?? DEFAULT_TEMPLATE_ID;
  const template = catalog.templates.find((t) => t.id === templateId);
  if (!template) {
    report(io, problems);
    throw new FatalError(`unknown template '${templateId}'; available: ${catalog.templates.map((t) => t.id).join(', ')}`);
  }

  const now = new Date();
  const excluded = globMatcher(config.exclude ?? []);
  // New findings use the same engine and settings as `qa-lens scan`, on the committed text.
  const analyze: AnalyzeFile = (path, text) => {
    const language = languageForPath(path, config.languages);
    if (!language || excluded(path)) return [];
    return analyzeDocument({ text, path, language, settings: project.settings, now });
  };

  const base = stringOption(args, 'base');
  if (base !== undefined) await checkBase(root, base);
  const out = stringOption(args, 'out');
  const outFile = out !== undefined ? resolve(io.cwd, out) : undefined;
  if (out !== undefined && outFile !== undefined && (await namesFolder(out, outFile))) {
    throw new UsageError(`--out expects a file, not a folder: '${out}'`);
  }
  const linkFrom = outFile !== undefined ? toSlash(relative(root, dirname(outFile))) : undefined;

  const document = await prepareReview({
    repoFolder: root,
    base,
    configuredBase: config.reviews?.base,
    template,
    templateDisplayPath: displayPath(root, template.path, template.source === 'bundled' ? `(bundled) templates/${template.id}.md` : undefined),
    now,
    analyze,
    principles: project.constitution.principles,
    checklists: project.checklists,
    reviewsFolder,
    linkFrom: linkFrom !== undefined && isRelativeInside(linkFrom) ? linkFrom : undefined,
  });
  problems.push(...document.problems);
  for (const note of document.context.notes) io.stderr.write(`qa-lens review: ${note}\n`);
  report(io, problems);

  if (outFile === undefined) {
    io.stdout.write(document.text);
    return EXIT_OK;
  }
  try {
    // Like --write-baseline: folders that do not exist yet are created (e.g. --out reviews/2026/x.md).
    await mkdir(dirname(outFile), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EEXIST/ENOTDIR: a part of the folder path is a file.
    throw new FatalError(`cannot write ${out}: ${code === 'EEXIST' || code === 'ENOTDIR' ? 'a part of its folder path is a file, not a folder' : (error as Error).message}`, EXIT_USAGE);
  }
  try {
    await writeFile(outFile, document.text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FatalError(`${out} already exists: not overwritten (open it to continue that review, or choose another --out)`, EXIT_USAGE);
    throw new FatalError(`cannot write ${out}: ${(error as Error).message}`, EXIT_USAGE);
  }
  io.stderr.write(`qa-lens review: wrote ${out}\n`);
  return EXIT_OK;
}

/**
 * Whether --out names a folder: empty (the current folder), ending with a separator (resolve()
 * drops it, so `--out reviews/` would otherwise write a file named `reviews`), or an existing folder.
 */
async function namesFolder(out: string, outFile: string): Promise<boolean> {
  if (out.trim() === '' || /[\\/]$/.test(out)) return true;
  try {
    return (await stat(outFile)).isDirectory();
  } catch {
    return false;
  }
}

/** An explicit --base that git cannot use is a usage error (exit 2), not a note in the document. */
async function checkBase(root: string, base: string): Promise<void> {
  try {
    if (await tryResolveCommit(root, base)) return;
  } catch (error) {
    if (error instanceof GitError) throw new UsageError(`--base: ${error.message}`);
    throw error;
  }
  throw new FatalError(`--base: '${base}' does not name a commit in this repository (fetch it, or check the spelling)`);
}

function report(io: CliIo, problems: readonly Problem[]): void {
  for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
}

function displayPath(root: string, file: string, bundledName?: string): string {
  if (bundledName !== undefined) return bundledName;
  const rel = relative(root, file);
  return rel !== '' && isRelativeInside(rel) ? toSlash(rel) : toSlash(file);
}

function toSlash(path: string): string {
  return path.split(sep).join('/');
}
