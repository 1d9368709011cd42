import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The variables VARIABLES.md documents (its table's first column): the contract templates rely on. */
export const DOCUMENTED: readonly string[] = readFileSync(join(__dirname, '../../../src/core/review/VARIABLES.md'), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('| `{{'))
  .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''));
