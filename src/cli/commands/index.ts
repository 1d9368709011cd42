import type { Command } from '../command';

/**
 * Every subcommand, in the order `qa-lens --help` lists them. A new command is a new file in this
 * folder plus one line here.
 */
export const commands: readonly Command[] = [];
