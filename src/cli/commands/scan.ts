import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { BaselineError, checkBaselineWritable, newSinceBaseline, readBaseline, writeBaseline } from '../../core/baseline';
import { describeExceededBudget, exceededBudgets } from '../../core/budgets';
import { loadConfig } from '../../core/config/index';
import { displayPathFor } from '../../core/config/load';
import { loadProject } from '../../core/project';
import { builtInLanguageIds } from '../../core/languages';
import { scanTree } from '../../core/scan/scanTree';
import { addedLinesUnderRoot, onAddedLines } from '../../core/scan/since';
import type { WorkerPoolOptions } from '../../core/scan/workerPool';
import { formatProblem, SEVERITIES, severityRank, type Finding, type Severity } from '../../core/types';
import { isGitError } from '../../git/errors';
import type { AddedLines } from '../../git/addedLines';
import { type Command, type ParsedArgs, stringOption } from '../command';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, FatalError, UsageError } from '../io';
import { palette, shouldUseColor } from '../output/color';
import { formatJson } from '../output/json';
import { progressLine } from '../output/progress';
import type { ScanReport } from '../output/report';
import { formatSarif } from '../output/sarif';
import { formatText } from '../output/text';

/**
 * The report formats. Each renders a finished ScanReport; a new format (SARIF) is one more entry
 * and one more file in src/cli/output/.
 */
const FORMATTERS = {
  text: (report: ScanReport, io: CliIo) => formatText(report, palette(shouldUseColor(io.stdout, io.env))),
  json: (report: ScanReport) => formatJson(report),
  sarif: (report: ScanReport) => formatSarif(report),
} as const;

type Format = keyof typeof FORMATTERS;
type FailOn = Severity | 'never';

const FAIL_ON_VALUES: readonly FailOn[] = [...SEVERITIES, 'never'];

const USAGE = `Usage: qa-lens scan [PATH...] [options]

Scans files and folders (default: the current folder) for quality shortcuts. When exactly one
folder is given it is the scan root: paths in the report and the config lookup are relative to it.

Options:
  --format text|json|sarif text (default): grouped by file, a summary line last; json: cli.md's
                           shape; sarif: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps)
  --now YYYY-MM-DD         the "today" that deadlines are judged against (default: today)
  --config FILE            default: .quality/config.json under the scan root, if present
  --fail-on error|warning|information|hint|never
                           exit 1 when a finding at or above that severity exists (default: error)
  --since GIT-REF          report only findings on lines added since GIT-REF (working tree included);
                           A...B (A... for A...HEAD): since the merge base of A and B, as git diff
  --baseline FILE          report only findings whose fingerprint is not in FILE
  --write-baseline FILE    record the current findings' fingerprints in FILE
  --no-budgets             do not check the config's budgets
  -h, --help               show this help

Exit status: 0 no finding at or above --fail-on and no budget exceeded; 1 there is one, or a
budget is exceeded; 2 usage error, a --config or --baseline file that is missing or not valid
JSON, a --write-baseline file that cannot be written, a path that does not exist, or --since
outside a git repository or with an unknown ref.
`;

/** The options after checking, before any file is read. */
interface ScanRequest {
  format: Format;
  now: string;
  configFile?: string;
  failOn: FailOn;
  root: string;
  /** Absolute; undefined means the whole root. */
  paths?: string[];
  since?: string;
  /** Absolute paths. */
  baseline?: string;
  writeBaseline?: string;
  budgets: boolean;
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan files and folders for quality shortcuts (text, JSON or SARIF report)',
  usage: USAGE,
  options: {
    format: { type: 'string' },
    now: { type: 'string' },
    config: { type: 'string' },
    'fail-on': { type: 'string' },
    since: { type: 'string' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    'no-budgets': { type: 'boolean' },
  },
  allowPositionals: true,
  async run(args, io) {
    const request = await readRequest(args, io);
    await checkExplicitConfig(request);
    const project = await loadProject(request.root, { configPath: request.configFile, bundledChecklists: false, languageIds: builtInLanguageIds() });
    // Everything that can stop the run (exit 2) is checked before the scan starts.
    const baseline = request.baseline === undefined ? undefined : await loadBaseline(request.baseline, io.cwd);
    const added = request.since === undefined ? undefined : await sinceLines(request.root, request.since);
    const writeTo = request.writeBaseline;
    if (writeTo !== undefined) await baselineStep('--write-baseline', () => checkBaselineWritable(writeTo, displayPathFor(io.cwd, writeTo)));

    // Problems in the team's files never change the status: stderr, one a line, in every format.
    for (const problem of project.problems) io.stderr.write(`${formatProblem(problem)}\n`);

    const progress = progressLine(io.stderr);
    let result;
    try {
      result = await scanTree({
        root: request.root,
        paths: request.paths,
        config: project.config,
        settings: project.settings,
        now: request.now,
        onProgress: (p) => progress.update(p),
        // This process does nothing else while it scans: blocking reads and every core.
        syncReads: true,
        workers: scanWorkers(io),
      });
    } finally {
      progress.done();
    }

    // The baseline records every current finding, whatever this run reports.
    if (writeTo !== undefined) await baselineStep('--write-baseline', () => writeBaseline(writeTo, result.findings, displayPathFor(io.cwd, writeTo)));
    // Budgets are about the whole tree's debt, so they count every finding, not only new ones.
    const exceeded = request.budgets ? exceededBudgets(result.findings, project.config.budgets) : [];

    const sinceFiltered = added === undefined ? result.findings : onAddedLines(result.findings, added);
    const reported = baseline === undefined ? sinceFiltered : newSinceBaseline(sinceFiltered, baseline);
    // Problems in the scanned files' text (an inline ignore naming no rule) come after the scan.
    for (const problem of result.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    const report: ScanReport = {
      root: request.root,
      result: { ...result, findings: reported },
      problems: [...project.problems, ...result.problems],
      constitution: project.constitution,
      severities: project.settings.severities,
      hidden: { since: result.findings.length - sinceFiltered.length, baseline: sinceFiltered.length - reported.length },
    };
    io.stdout.write(FORMATTERS[request.format](report, io));
    for (const budget of exceeded) io.stderr.write(`qa-lens scan: ${describeExceededBudget(budget)}\n`);
    const status = exitStatus(reported, request.failOn);
    return exceeded.length > 0 ? EXIT_FINDINGS : status;
  },
};

async function readRequest(args: ParsedArgs, io: CliIo): Promise<ScanRequest> {
  const format = stringOption(args, 'format') ?? 'text';
  if (!Object.hasOwn(FORMATTERS, format)) throw new UsageError(`unknown --format '${format}' (expected ${Object.keys(FORMATTERS).join(' or ')})`);
  const failOn = stringOption(args, 'fail-on') ?? 'error';
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) throw new UsageError(`unknown --fail-on '${failOn}' (expected ${FAIL_ON_VALUES.join(', ')})`);
  const nowOption = stringOption(args, 'now');
  if (nowOption !== undefined && !isIsoDate(nowOption)) throw new UsageError(`--now expects a date as YYYY-MM-DD, not '${nowOption}'`);
  const configOption = stringOption(args, 'config');
  if (configOption === '') throw new UsageError('--config expects a file');
  const fileOption = (name: string): string | undefined => {
    const value = stringOption(args, name);
    if (value === '') throw new UsageError(`--${name} expects a file`);
    return value === undefined ? undefined : path.resolve(io.cwd, value);
  };
  const since = stringOption(args, 'since');
  if (since === '') throw new UsageError('--since expects a git ref (a branch, tag or commit)');

  const { root, paths } = await resolveScope(args.positionals, io.cwd);
  return {
    format: format as Format,
    failOn: failOn as FailOn,
    now: nowOption ?? localToday(),
    configFile: configOption === undefined ? undefined : path.resolve(io.cwd, configOption),
    root,
    paths,
    since,
    baseline: fileOption('baseline'),
    writeBaseline: fileOption('write-baseline'),
    budgets: args.values['no-budgets'] !== true,
  };
}

/**
 * cli.md's scan root: the folder given when exactly one folder is given; otherwise (several paths,
 * or files) the current folder. Every path must exist.
 */
async function resolveScope(positionals: readonly string[], cwd: string): Promise<{ root: string; paths?: string[] }> {
  const resolved: Array<{ abs: string; isDirectory: boolean }> = [];
  for (const given of positionals) {
    const abs = path.resolve(cwd, given);
    try {
      resolved.push({ abs, isDirectory: (await stat(abs)).isDirectory() });
    } catch {
      throw new FatalError(`no such file or folder: ${given}`);
    }
  }
  if (resolved.length === 1 && resolved[0].isDirectory) return { root: resolved[0].abs };
  return { root: path.resolve(cwd), paths: resolved.length > 0 ? resolved.map((r) => r.abs) : undefined };
}

/** An explicit --config that cannot be used stops the run (exit 2): the user asked for that file. */
async function checkExplicitConfig(request: ScanRequest): Promise<void> {
  if (request.configFile === undefined) return;
  const loaded = await loadConfig(request.root, request.configFile);
  switch (loaded.status) {
    case 'missing':
      throw new FatalError(`configuration file not found: ${loaded.displayPath ?? request.configFile}`);
    case 'invalid-json':
    case 'unreadable':
      throw new FatalError(`the configuration file cannot be used:\n${loaded.problems.map(formatProblem).join('\n')}`);
    default:
  }
}

function loadBaseline(file: string, cwd: string) {
  return baselineStep('--baseline', () => readBaseline(file, displayPathFor(cwd, file)));
}

/** A baseline file that cannot be read or written stops the run: exit 2, naming the option. */
async function baselineStep<T>(option: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof BaselineError) throw new FatalError(`${option}: ${error.message}`);
    throw error;
  }
}

/** --since: the lines added since the ref; git's "no" (no repository, unknown ref) is exit 2. */
async function sinceLines(root: string, ref: string): Promise<AddedLines> {
  try {
    return await addedLinesUnderRoot(root, ref);
  } catch (error) {
    if (isGitError(error)) throw new FatalError(`--since ${ref}: ${error.message}`);
    throw error;
  }
}

/** The bundled worker entry, next to the CLI bundle (dist/); absent when run from source. */
const WORKER_SCRIPT = path.join(__dirname, 'scanWorker.js');

/**
 * Threads by default: each worker loads its own engine (tens of MB), and past a few threads the
 * walk on the main thread, not the analysis, sets the pace.
 */
const MAX_DEFAULT_THREADS = 4;

/**
 * Worker threads when the tree is large enough to pay: one per core beyond this one (the main
 * thread analyses too). QA_LENS_SCAN_THREADS=N sets the threads in all, used whatever the tree's
 * size (1: everything on the main thread).
 */
function scanWorkers(io: CliIo): WorkerPoolOptions | undefined {
  const configured = io.env.QA_LENS_SCAN_THREADS;
  const explicit = configured !== undefined && /^\d+$/.test(configured);
  const threads = explicit ? Number(configured) : Math.min(os.availableParallelism(), MAX_DEFAULT_THREADS);
  if (threads <= 1 || !existsSync(WORKER_SCRIPT)) return undefined;
  return { script: WORKER_SCRIPT, workers: threads - 1, ...(explicit ? { minFiles: 0 } : {}) };
}

/** 1 when a finding is at or above `failOn` (cli.md's exit status table), else 0. */
export function exitStatus(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'never') return EXIT_OK;
  const threshold = severityRank(failOn);
  return findings.some((f) => severityRank(f.severity) <= threshold) ? EXIT_FINDINGS : EXIT_OK;
}

function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** Today in the local time zone: a deadline is a calendar day where the user is. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
