import { relative, resolve, sep } from 'node:path';
import { type Command, type ParsedArgs, stringOption } from '../command';
import { type CliIo, EXIT_OK, UsageError } from '../io';
import { loadConfig } from '../../core/config/index';
import { BUNDLED, loadConstitution, principlesFor, type Principle } from '../../core/constitution/index';
import { formatProblem, type Problem } from '../../core/types';
import { isRelativeInside } from '../../core/insideRoot';

const USAGE = `Usage: qa-lens principles [--for PATH] [--format text|json]

Lists the principles of the engineering constitution: .quality/constitution.md (or CONSTITUTION.md,
docs/CONSTITUTION.md, .github/CONSTITUTION.md, or the config's "constitution"), else the bundled
default. Problems in the file are printed on stderr as path:line:column: message.

Options:
  --for PATH             only the active principles that apply to PATH (relative to this folder)
  --format text|json     default text
  -h, --help             show this help
`;

export const principlesCommand: Command = {
  name: 'principles',
  summary: "list the constitution's principles (those that apply to a path)",
  usage: USAGE,
  options: { for: { type: 'string' }, format: { type: 'string' } },
  allowPositionals: false,
  run: runPrinciples,
};

async function runPrinciples(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = readFormat(args);
  const target = targetPath(args, io.cwd);
  const config = await loadConfig(io.cwd);
  const { constitution, problems } = await loadConstitution(io.cwd, { configuredPath: config.config.constitution, configuredFrom: config.displayPath });
  const allProblems = [...config.problems, ...problems];
  reportProblems(io, allProblems);

  const principles = target === undefined ? constitution.principles : principlesFor(constitution, target);
  if (format === 'json') {
    writeJson(io, {
      source: constitution.source,
      version: constitution.version,
      principles: principles.map((p) => ({
        id: p.id,
        title: p.title,
        level: p.level,
        appliesTo: p.appliesTo,
        rules: p.rules,
        checklists: p.checklists,
        status: p.status,
        howToCheck: p.howToCheck,
        line: p.line,
      })),
      problems: allProblems.map(jsonProblem),
    });
    return EXIT_OK;
  }

  const name = constitution.title ?? 'Engineering constitution';
  const version = constitution.version ? ` ${constitution.version}` : '';
  const from = constitution.source === BUNDLED ? 'the bundled default; `qa-lens init` copies it into .quality/ for your team to edit' : constitution.source;
  const lines = [`${name}${version} (${from})`];
  if (constitution.principles.length === 0) {
    lines.push(...noPrinciplesYet(constitution.source === BUNDLED ? constitution.file : constitution.source));
  } else {
    lines.push(target === undefined ? `${count(principles.length, 'principle')}:` : `${countApply(principles.length, 'principle')} to ${target}${principles.length ? ':' : '.'}`);
    for (const principle of principles) lines.push('', ...describePrinciple(principle));
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

/**
 * What to print for a constitution without a single principle: "0 principles:" and nothing after
 * it reads like a broken command, so say what is wrong and show the heading that fixes it
 * (formats.md). The exit status stays 0: a malformed constitution does not stop the work (cli.md).
 */
function noPrinciplesYet(source: string): string[] {
  return [
    ...wrap(`The constitution at ${source} has no principles yet. Add one as a level-2 heading that starts with its id (capital letters, a hyphen and a number), then its title:`, ''),
    '',
    '    ## ENG-01 Fail loudly, recover deliberately',
  ];
}

function describePrinciple(p: Principle): string[] {
  const indent = '    ';
  const retired = p.status === 'retired' ? ' (retired)' : '';
  const lines = [`${p.id} [${p.level}] ${p.title}${retired}`];
  if (p.howToCheck) lines.push(...wrap(`How to check: ${p.howToCheck}`, indent, '  '));
  const facts: string[] = [];
  if (p.appliesTo.join() !== '**') facts.push(`applies to ${p.appliesTo.join(', ')}`);
  if (p.rules.length) facts.push(`rules: ${p.rules.join(', ')}`);
  if (p.checklists.length) facts.push(`checklists: ${p.checklists.join(', ')}`);
  for (const fact of facts) lines.push(...wrap(fact, indent, '  '));
  return lines;
}

// ---- helpers shared with the checklists command -------------------------------------------------

export type ListFormat = 'text' | 'json';

export function readFormat(args: ParsedArgs): ListFormat {
  const format = stringOption(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
  return format;
}

/** `--for PATH` as a path relative to the root ('/' separators); PATH need not exist. */
export function targetPath(args: ParsedArgs, root: string): string | undefined {
  const given = stringOption(args, 'for');
  if (given === undefined) return undefined;
  if (given.trim() === '') throw new UsageError('--for needs a path');
  const rel = relative(root, resolve(root, given));
  if (rel === '' || !isRelativeInside(rel)) throw new UsageError(`--for: '${given}' is not a file inside ${root}`);
  return rel.split(sep).join('/');
}

/** Problems go to stderr, one a line, whatever the format (cli.md). */
export function reportProblems(io: CliIo, problems: readonly Problem[]): void {
  for (const problem of problems) io.stderr.write(`${formatProblem(problem)}\n`);
}

export function jsonProblem(problem: Problem): { path: string; line: number; column: number; message: string } {
  return { path: problem.path, line: problem.line, column: problem.column, message: problem.message };
}

export function writeJson(io: CliIo, data: unknown): void {
  io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Word-wraps `text` at 100 columns under `indent`; continuation lines get `hanging` more. */
export function wrap(text: string, indent: string, hanging = '', width = 100): string[] {
  const lines: string[] = [];
  let prefix = indent;
  let line = prefix;
  for (const word of text.split(/\s+/)) {
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      lines.push(line);
      prefix = indent + hanging;
      line = prefix;
    }
    line += (line.length > prefix.length ? ' ' : '') + word;
  }
  if (line.length > prefix.length) lines.push(line);
  return lines;
}

/** "1 principle applies", "3 principles apply". */
export function countApply(n: number, noun: string): string {
  return `${count(n, noun)} ${n === 1 ? 'applies' : 'apply'}`;
}
