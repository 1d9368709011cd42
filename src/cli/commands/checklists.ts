import { type Command, type ParsedArgs } from '../command';
import { type CliIo, EXIT_OK } from '../io';
import { CHECKLIST_FOLDER, checklistsFor, loadChecklists, type Checklist } from '../../core/checklists/index';
import { count, countApply, jsonProblem, readFormat, reportProblems, targetPath, wrap, writeJson } from './principles';

const USAGE = `Usage: qa-lens checklists [--for PATH] [--format text|json]

Lists the QA checklists: the repository's ${CHECKLIST_FOLDER}/*.md when it has any, else the
bundled defaults. Problems in the files are printed on stderr as path:line:column: message.

Options:
  --for PATH             only the checklists whose appliesTo matches PATH (relative to this folder)
  --format text|json     default text
  -h, --help             show this help
`;

export const checklistsCommand: Command = {
  name: 'checklists',
  summary: 'list the QA checklists (those that apply to a path)',
  usage: USAGE,
  options: { for: { type: 'string' }, format: { type: 'string' } },
  allowPositionals: false,
  run: runChecklists,
};

async function runChecklists(args: ParsedArgs, io: CliIo): Promise<number> {
  const format = readFormat(args);
  const target = targetPath(args, io.cwd);
  const set = await loadChecklists(io.cwd);
  reportProblems(io, set.problems);
  const checklists = target === undefined ? set.checklists : checklistsFor(set.checklists, target);

  if (format === 'json') {
    writeJson(io, {
      source: set.source,
      checklists: checklists.map((c) => ({
        id: c.id,
        title: c.title,
        appliesTo: c.appliesTo,
        source: c.source,
        items: c.items.map((item) => ({ id: item.id, text: item.text, how: item.how, line: item.line })),
      })),
      problems: set.problems.map(jsonProblem),
    });
    return EXIT_OK;
  }

  const from = set.source === 'bundled' ? `the bundled defaults; \`qa-lens init\` copies them into ${CHECKLIST_FOLDER}/` : set.source;
  const heading = target === undefined ? `${count(checklists.length, 'checklist')} (${from}):` : `${countApply(checklists.length, 'checklist')} to ${target} (${from})${checklists.length ? ':' : '.'}`;
  const lines = [heading];
  for (const checklist of checklists) lines.push('', ...describeChecklist(checklist));
  io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

function describeChecklist(checklist: Checklist): string[] {
  const lines = [`${checklist.id}: ${checklist.title}`];
  lines.push(...wrap(`applies to ${checklist.appliesTo.length ? checklist.appliesTo.join(', ') : 'no file on its own'}`, '    ', '  '));
  for (const item of checklist.items) {
    lines.push(...wrap(`- [ ] ${item.id} ${item.text}`, '  ', '      '));
    if (item.how) lines.push(...wrap(`how: ${item.how}`, '        ', '     '));
  }
  return lines;
}
