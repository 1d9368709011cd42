import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** One `qa-lens <name>` subcommand. Each lives in its own file under src/cli/commands/. */
export interface Command {
  readonly name: string;
  /** One line for `qa-lens --help`. */
  readonly summary: string;
  /** The synopsis and option list printed by `qa-lens <name> --help` and after a usage error. */
  readonly usage: string;
  readonly options: OptionSpec;
  /** Whether free arguments (paths) are accepted. */
  readonly allowPositionals: boolean;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export interface ParsedArgs {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

/** Reads a string option, undefined when absent. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}
