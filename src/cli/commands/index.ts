import type { Command } from '../command';
import { scanCommand } from './scan';
import { reviewCommand } from './review';
import { principlesCommand } from './principles';
import { checklistsCommand } from './checklists';
import { initCommand } from './init';

/**
 * Every subcommand, in the order `qa-lens --help` lists them. A new command is a new file in this
 * folder plus one line here.
 */
export const commands: readonly Command[] = [
  scanCommand,
  reviewCommand,
  principlesCommand,
  checklistsCommand,
  initCommand,
];
