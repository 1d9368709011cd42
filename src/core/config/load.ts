import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Problem } from '../types';
import type { QaConfig } from './model';
import { validateConfigText, type ValidateOptions } from './validate';

/** Where the configuration lives under a root when no file is named. */
export const DEFAULT_CONFIG_PATH = '.quality/config.json';

/**
 * What happened when loading:
 * - `loaded`: the file was read (it may still have problems);
 * - `absent`: no file named and none at the default place (defaults apply, no problem);
 * - `missing`: the named file does not exist;
 * - `invalid-json`: the file is not JSON (the problem says where);
 * - `unreadable`: the file exists but could not be read (a folder, no permission).
 * The CLI stops on the last three for an explicit `--config`; for the default file it reports the
 * problem and goes on with the defaults, as the editor does.
 */
export type ConfigStatus = 'loaded' | 'absent' | 'missing' | 'invalid-json' | 'unreadable';

export interface LoadedConfig {
  config: QaConfig;
  problems: Problem[];
  /** The file's absolute path, when there is one. */
  path?: string;
  /** How the file is named in problems: relative to the root when inside it, '/' separators. */
  displayPath?: string;
  status: ConfigStatus;
}

/**
 * Reads and validates the configuration: `explicitPath` (absolute, or relative to `root`) or
 * `.quality/config.json` under `root`. Never throws for anything about the file itself.
 */
export async function loadConfig(root: string, explicitPath?: string, options: ValidateOptions = {}): Promise<LoadedConfig> {
  const file = path.resolve(root, explicitPath ?? DEFAULT_CONFIG_PATH);
  const displayPath = displayPathFor(root, file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      if (explicitPath === undefined) return { config: {}, problems: [], status: 'absent' };
      return { config: {}, problems: [{ path: displayPath, line: 1, column: 1, message: 'configuration file not found', severity: 'error' }], path: file, displayPath, status: 'missing' };
    }
    const reason = code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
    return { config: {}, problems: [{ path: displayPath, line: 1, column: 1, message: `configuration file cannot be read: ${reason}`, severity: 'error' }], path: file, displayPath, status: 'unreadable' };
  }
  const validation = validateConfigText(text, displayPath, options);
  return {
    config: validation.config,
    problems: validation.problems,
    path: file,
    displayPath,
    status: validation.syntaxError ? 'invalid-json' : 'loaded',
  };
}

/** `file` relative to `root` with '/' when inside it, else absolute (Problem.path's rule). */
export function displayPathFor(root: string, file: string): string {
  const relative = path.relative(root, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
