import { type Command } from '../command';
import { type CliIo, EXIT_OK, FatalError } from '../io';
import { CHECKLIST_FOLDER } from '../../core/checklists/index';
import { DEFAULT_CONFIG_PATH } from '../../core/config/index';
import { InitError, writeDefaults } from '../../core/init';

const USAGE = `Usage: qa-lens init

Copies the bundled defaults into .quality/ so the team can make them its own: the engineering
constitution (.quality/constitution.md), the QA checklists (${CHECKLIST_FOLDER}/*.md) and a starter
configuration (${DEFAULT_CONFIG_PATH}). Never overwrites a file that exists; says what it wrote
and what it skipped.

Options:
  -h, --help   show this help
`;

export const initCommand: Command = {
  name: 'init',
  summary: 'write the default constitution, checklists and config into .quality/',
  usage: USAGE,
  options: {},
  allowPositionals: false,
  run: runInit,
};

async function runInit(_args: unknown, io: CliIo): Promise<number> {
  let wrote = 0;
  try {
    await writeDefaults(io.cwd, (entry) => {
      if (entry.outcome === 'wrote') {
        io.stdout.write(`wrote   ${entry.target}\n`);
        wrote++;
      } else {
        io.stdout.write(`skipped ${entry.target} (${entry.reason ?? 'it already exists'})\n`);
      }
    });
  } catch (error) {
    if (error instanceof InitError) throw new FatalError(error.message);
    throw error;
  }
  io.stdout.write(
    wrote > 0
      ? `\nWrote ${wrote} file${wrote === 1 ? '' : 's'}. Read them with your team, make them yours, and commit them: from now on they change by pull request.\n`
      : '\nNothing to write: every file already exists.\n',
  );
  return EXIT_OK;
}
