import { parseArgs } from 'node:util';
import type { Command } from './command';
import { commands as builtInCommands } from './commands/index';
import { type CliIo, EXIT_OK, EXIT_USAGE, FatalError, UsageError } from './io';
import { TOOL_NAME, TOOL_VERSION } from './version';

function mainUsage(commands: readonly Command[]): string {
  const width = Math.max(8, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `Usage: ${TOOL_NAME} <command> [options]`,
    '',
    'Quality analysis from the command line: the same engine as the QA Lens VS Code extension.',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show this help (or a command\'s help: qa-lens <command> --help)',
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit status. Never calls
 * `process.exit` itself, so tests can run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly Command[] = builtInCommands): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    const wanted = first === 'help' ? rest[0] : undefined;
    const command = wanted ? commands.find((c) => c.name === wanted) : undefined;
    // Asked for, help is the output (stdout); without a command it comes with the error (stderr).
    if (first === undefined) {
      io.stderr.write(`${TOOL_NAME}: no command given\n\n${mainUsage(commands)}`);
      return EXIT_USAGE;
    }
    io.stdout.write(command ? command.usage : mainUsage(commands));
    return EXIT_OK;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    const what = first.startsWith('-') ? 'option' : 'command';
    io.stderr.write(`${TOOL_NAME}: unknown ${what} '${first}'\n\n${mainUsage(commands)}`);
    return EXIT_USAGE;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(command.usage);
    return EXIT_OK;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: command.allowPositionals,
      strict: true,
    });
  } catch (error) {
    io.stderr.write(`${TOOL_NAME} ${command.name}: ${describeParseError(error)}\n\n${command.usage}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${TOOL_NAME} ${command.name}: ${error.message}\n\n${command.usage}`);
      return EXIT_USAGE;
    }
    if (error instanceof FatalError) {
      io.stderr.write(`${TOOL_NAME} ${command.name}: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // node's messages end with advice meant for script authors ("To specify a positional argument...").
  const first = message.split('. To ')[0] ?? message;
  // ...and start with a capital, where every other message of this tool starts in lower case.
  return first.charAt(0).toLowerCase() + first.slice(1);
}
