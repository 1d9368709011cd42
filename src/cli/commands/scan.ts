import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { compileEngineSettings, loadConfig, type LoadedConfig } from '../../core/config/index';
import { loadConstitution, rulePrincipleMap } from '../../core/constitution/index';
import { scanTree } from '../../core/scan/scanTree';
import { formatProblem, SEVERITIES, severityRank, type Finding, type Severity } from '../../core/types';
import { type Command, type ParsedArgs, stringOption } from '../command';
import { type CliIo, EXIT_FINDINGS, EXIT_OK, FatalError, UsageError } from '../io';
import { palette, shouldUseColor } from '../output/color';
import { formatJson } from '../output/json';
import { progressLine } from '../output/progress';
import type { ScanReport } from '../output/report';
import { formatText } from '../output/text';

/**
 * The report formats. Each renders a finished ScanReport; a new format (SARIF) is one more entry
 * and one more file in src/cli/output/.
 */
const FORMATTERS = {
  text: (report: ScanReport, io: CliIo) => formatText(report, palette(shouldUseColor(io.stdout, io.env))),
  json: (report: ScanReport) => formatJson(report),
} as const;

type Format = keyof typeof FORMATTERS;
type FailOn = Severity | 'never';

const FAIL_ON_VALUES: readonly FailOn[] = [...SEVERITIES, 'never'];

const USAGE = `Usage: qa-lens scan [PATH...] [options]

Scans files and folders (default: the current folder) for quality shortcuts. When exactly one
folder is given it is the scan root: paths in the report and the config lookup are relative to it.

Options:
  --format text|json       text (default): grouped by file, a summary line last; json: cli.md's shape
  --now YYYY-MM-DD         the "today" that deadlines are judged against (default: today)
  --config FILE            default: .quality/config.json under the scan root, if present
  --fail-on error|warning|information|hint|never
                           exit 1 when a finding at or above that severity exists (default: error)
  -h, --help               show this help

Exit status: 0 no finding at or above --fail-on; 1 there is one; 2 usage error, a --config file
that is missing or not valid JSON, or a path that does not exist.
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
}

export const scanCommand: Command = {
  name: 'scan',
  summary: 'scan files and folders for quality shortcuts (text or JSON report)',
  usage: USAGE,
  options: {
    format: { type: 'string' },
    now: { type: 'string' },
    config: { type: 'string' },
    'fail-on': { type: 'string' },
  },
  allowPositionals: true,
  async run(args, io) {
    const request = await readRequest(args, io);
    const loaded = await loadScanConfig(request);
    const problems = [...loaded.problems];

    const constitution = await loadConstitution(request.root, { configuredPath: loaded.config.constitution, configuredFrom: loaded.displayPath });
    problems.push(...constitution.problems);
    const compiled = compileEngineSettings(loaded.config, rulePrincipleMap(constitution.constitution), { path: loaded.displayPath ?? '.quality/config.json' });
    problems.push(...compiled.problems);

    // Problems in the team's files never change the status: stderr, one a line, in every format.
    for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);

    const progress = progressLine(io.stderr);
    let result;
    try {
      result = await scanTree({
        root: request.root,
        paths: request.paths,
        config: loaded.config,
        settings: compiled.settings,
        now: request.now,
        onProgress: (p) => progress.update(p),
      });
    } finally {
      progress.done();
    }

    // Later steps (--since, --baseline, budgets) filter result.findings / add problems here.
    const report: ScanReport = { root: request.root, result, problems };
    io.stdout.write(FORMATTERS[request.format](report, io));
    return exitStatus(result.findings, request.failOn);
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

  const { root, paths } = await resolveScope(args.positionals, io.cwd);
  return {
    format: format as Format,
    failOn: failOn as FailOn,
    now: nowOption ?? localToday(),
    configFile: configOption === undefined ? undefined : path.resolve(io.cwd, configOption),
    root,
    paths,
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

async function loadScanConfig(request: ScanRequest): Promise<LoadedConfig> {
  const loaded = await loadConfig(request.root, request.configFile);
  if (request.configFile === undefined) return loaded;
  // An explicit --config that cannot be used stops the run (exit 2): the user asked for that file.
  switch (loaded.status) {
    case 'missing':
      throw new FatalError(`configuration file not found: ${loaded.displayPath ?? request.configFile}`);
    case 'invalid-json':
    case 'unreadable':
      throw new FatalError(`the configuration file cannot be used:\n${loaded.problems.map(formatProblem).join('\n')}`);
    default:
      return loaded;
  }
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
