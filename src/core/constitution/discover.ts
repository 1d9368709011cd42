import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { describeFsError } from '../fsErrors';
import { resourcePath } from '../resources';
import type { Problem } from '../types';
import { parseConstitution } from './parse';
import { restoreConstitutionSnapshot } from './snapshot';
import type { ConstitutionResult } from './types';
import { isRelativeInside } from '../insideRoot';

/** Reads a file's text; `undefined` when there is no such file. The editor may pass its own (virtual workspaces). */
export interface TextReader {
  readText(absolutePath: string): Promise<string | undefined>;
}

export const nodeTextReader: TextReader = {
  async readText(absolutePath) {
    try {
      return await readFile(absolutePath, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  },
};

/** Where a repository keeps its constitution, in the order formats.md looks. */
export const CONSTITUTION_CANDIDATES: readonly string[] = ['.quality/constitution.md', 'CONSTITUTION.md', 'docs/CONSTITUTION.md', '.github/CONSTITUTION.md'];

export const BUNDLED = 'bundled';

// Replaced at build time by esbuild's `define` (scripts/build.mjs); absent when tests run from source.
declare const __QA_LENS_BUNDLED_CONSTITUTION__: string | undefined;

export interface LoadConstitutionOptions {
  /** `qaLens.constitution.path` or the config's `constitution`: relative to the root, or absolute. Wins over discovery. */
  configuredPath?: string;
  /** Where `configuredPath` was set, for the problem when it does not exist (e.g. `.quality/config.json`). */
  configuredFrom?: string;
  reader?: TextReader;
}

/** The bundled default constitution (`resources/defaults/constitution.md`). */
export function bundledConstitutionFile(): string {
  return resourcePath('defaults', 'constitution.md');
}

/**
 * Finds and parses the constitution of the workspace at `root`: the configured path first, then
 * the candidates, then the bundled default. Never throws for the team's files: a configured path
 * that is missing or unreadable is a problem and discovery carries on.
 */
export async function loadConstitution(root: string, options: LoadConstitutionOptions = {}): Promise<ConstitutionResult> {
  const reader = options.reader ?? nodeTextReader;
  const problems: Problem[] = [];
  const tried: string[] = [];
  if (options.configuredPath !== undefined && options.configuredPath.trim() !== '') {
    tried.push(options.configuredPath);
  }
  tried.push(...CONSTITUTION_CANDIDATES);

  // An unreadable folder makes every candidate fail alike: one problem names them all.
  const readFailures = new Map<string, { problem: Problem; others: string[] }>();
  for (const [index, candidate] of tried.entries()) {
    const configured = index === 0 && options.configuredPath !== undefined && candidate === options.configuredPath;
    const file = resolve(root, candidate);
    const source = displayPath(root, file);
    let text: string | undefined;
    try {
      text = await reader.readText(file);
    } catch (error) {
      const reason = describeFsError(error);
      const earlier = readFailures.get(reason);
      if (earlier) {
        earlier.others.push(source);
        earlier.problem.message = `cannot read the constitution: ${reason} (nor ${earlier.others.join(', ')}, for the same reason)`;
      } else {
        const problem: Problem = { path: source, line: 1, column: 1, message: `cannot read the constitution: ${reason}`, severity: 'error' };
        readFailures.set(reason, { problem, others: [] });
        problems.push(problem);
      }
      continue;
    }
    if (text === undefined) {
      if (configured) {
        problems.push({
          path: options.configuredFrom ?? source,
          line: 1,
          column: 1,
          message: `the constitution '${candidate}' does not exist${options.configuredFrom ? '' : ' (qaLens.constitution.path)'}; looking for it in the usual places instead`,
          severity: 'error',
        });
      }
      continue;
    }
    const result = parseConstitution(text, { path: source, source, file });
    return { constitution: result.constitution, problems: [...problems, ...result.problems] };
  }
  const bundled = await loadBundledConstitution();
  return { constitution: bundled.constitution, problems: [...problems, ...bundled.problems] };
}

export async function loadBundledConstitution(): Promise<ConstitutionResult> {
  const file = bundledConstitutionFile();
  const text = await readFile(file, 'utf8');
  const path = file.split(sep).join('/');
  const snapshot = typeof __QA_LENS_BUNDLED_CONSTITUTION__ === 'string' ? __QA_LENS_BUNDLED_CONSTITUTION__ : undefined;
  return restoreConstitutionSnapshot(snapshot, text, { path, file }) ?? parseConstitution(text, { path, source: BUNDLED, file });
}

/** Relative to the root with '/' when inside it, else absolute. */
export function displayPath(root: string, file: string): string {
  const rel = relative(root, file);
  const inside = rel !== '' && isRelativeInside(rel);
  return (inside ? rel : file).split(sep).join('/');
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
