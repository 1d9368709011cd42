import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { lineColumnAt, parseJsonTree } from './config/jsonTree';
import { writeTextAtomic } from './fsAtomic';
import { describeFsError } from './fsErrors';
import type { Finding } from './types';

/**
 * Baseline files (cli.md): the fingerprints of the findings a team has accepted, so CI reports
 * only what is new. `{ "version": 1, "tool": "qa-lens", "fingerprints": { "<fp>": { "ruleId",
 * "path" } } }` with keys sorted and a trailing newline, so a rewritten baseline diffs well.
 */
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  ruleId: string;
  path: string;
}

export interface Baseline {
  fingerprints: Map<string, BaselineEntry>;
}

/** Why a baseline file cannot be used; the CLI turns it into exit 2. */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BaselineError';
  }
}

/** The file's text for these findings: sorted by fingerprint, two-space indented, newline last. */
export function serializeBaseline(findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  const fingerprints: Record<string, BaselineEntry> = {};
  for (const finding of sorted) fingerprints[finding.fingerprint] = { ruleId: finding.ruleId, path: finding.path };
  return `${JSON.stringify({ version: BASELINE_VERSION, tool: 'qa-lens', fingerprints }, null, 2)}\n`;
}

/** Writes the baseline; a file that cannot be written is a BaselineError naming why. */
export async function writeBaseline(file: string, findings: readonly Finding[], displayPath = file): Promise<void> {
  try {
    await writeTextAtomic(file, serializeBaseline(findings));
  } catch (error) {
    throw new BaselineError(`baseline file cannot be written: ${displayPath}: ${describeFsError(error)}`);
  }
}

/**
 * Checked before a scan, so that a long scan does not end in "cannot write": the file is not a
 * folder, and the nearest folder above it that exists can be written to (the rest is created).
 */
export async function checkBaselineWritable(file: string, displayPath = file): Promise<void> {
  const fail = (why: string): never => {
    throw new BaselineError(`baseline file cannot be written: ${displayPath}: ${why}`);
  };
  const target = await stat(file).catch(() => undefined);
  if (target?.isDirectory()) fail('it is a folder');
  let dir = dirname(file);
  for (;;) {
    const found = await stat(dir).catch(() => undefined);
    if (found !== undefined) {
      if (!found.isDirectory()) fail(`${folderShown(file, dir, displayPath)} is a file, not a folder`);
      await access(dir, constants.W_OK).catch((error: unknown) => fail(describeFsError(error)));
      return;
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** `dir` (above `file`) as the user wrote it: `displayPath` without the segments below `dir`. */
function folderShown(file: string, dir: string, displayPath: string): string {
  const below = relative(dir, file).split(sep).length;
  const segments = displayPath.split(/[\\/]/);
  return segments.length > below ? segments.slice(0, -below).join('/') : dir;
}

/** Parses a baseline's text; throws BaselineError naming what is wrong. */
export function parseBaseline(text: string, displayPath: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // Where, as file:line:column like the config's problems (JSON.parse only gives an offset).
    const located = parseJsonTree(text);
    if (!located.ok) {
      const { line, column } = lineColumnAt(text, located.error.offset);
      throw new BaselineError(`${displayPath}:${line}:${column}: invalid JSON: ${located.error.message}`);
    }
    throw new BaselineError(`${displayPath}: invalid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(data)) throw new BaselineError(`${displayPath} is not a qa-lens baseline: expected a JSON object`);
  if (data.version !== BASELINE_VERSION) {
    throw new BaselineError(`${displayPath} is not a qa-lens baseline of version ${BASELINE_VERSION} (found version ${JSON.stringify(data.version ?? null)})`);
  }
  if (data.tool !== undefined && data.tool !== 'qa-lens') throw new BaselineError(`${displayPath} was written by ${JSON.stringify(data.tool)}, not qa-lens`);
  if (!isRecord(data.fingerprints)) throw new BaselineError(`${displayPath} has no "fingerprints" object`);
  const fingerprints = new Map<string, BaselineEntry>();
  for (const [fp, entry] of Object.entries(data.fingerprints)) {
    if (!isRecord(entry) || typeof entry.ruleId !== 'string' || typeof entry.path !== 'string') {
      throw new BaselineError(`${displayPath}: fingerprint ${fp} needs "ruleId" and "path" strings`);
    }
    fingerprints.set(fp, { ruleId: entry.ruleId, path: entry.path });
  }
  return { fingerprints };
}

/** Reads a baseline file; a missing, unreadable or malformed one is a BaselineError. */
export async function readBaseline(file: string, displayPath = file): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new BaselineError(`baseline file not found: ${displayPath}`);
    throw new BaselineError(`baseline file cannot be read: ${displayPath}: ${code === 'EISDIR' ? 'is a folder' : (error as Error).message}`);
  }
  return parseBaseline(text, displayPath);
}

/** The findings whose fingerprint the baseline does not hold: what is new since it was written. */
export function newSinceBaseline<F extends Pick<Finding, 'fingerprint'>>(findings: readonly F[], baseline: Baseline): F[] {
  return findings.filter((finding) => !baseline.fingerprints.has(finding.fingerprint));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
