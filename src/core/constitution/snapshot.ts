import { createHash } from 'node:crypto';
import { parseConstitution } from './parse';
import type { ConstitutionResult } from './types';

/**
 * The bundled constitution parsed at build time. Parsing it (Markdown and YAML) costs about 30 ms
 * at every `qa-lens scan` and every activation, for a file that only changes with a release. The
 * build stores the result with the hash of the text it came from; at run time it is used only
 * when the shipped file still has that hash, so an edited or mismatched file is parsed as before.
 */
export interface BundledConstitutionSnapshot {
  sha256: string;
  result: ConstitutionResult;
}

/** Stands for the absolute path and the display path, which are known only where it is installed. */
const FILE = '\u0000file\u0000';
const PATH = '\u0000path\u0000';

export function makeConstitutionSnapshot(text: string, source: string): string {
  const result = parseConstitution(text, { path: PATH, source, file: FILE });
  const snapshot: BundledConstitutionSnapshot = { sha256: sha256(text), result };
  return JSON.stringify(snapshot);
}

/**
 * The snapshot's result for `text`, with its paths filled in; `undefined` when there is no
 * snapshot, it cannot be read, or it was made from another text.
 */
export function restoreConstitutionSnapshot(snapshot: string | undefined, text: string, paths: { path: string; file: string }): ConstitutionResult | undefined {
  if (snapshot === undefined) return undefined;
  let parsed: BundledConstitutionSnapshot;
  try {
    parsed = JSON.parse(snapshot) as BundledConstitutionSnapshot;
  } catch {
    return undefined;
  }
  if (parsed.sha256 !== sha256(text)) return undefined;
  const { constitution, problems } = parsed.result;
  if (constitution.file === FILE) constitution.file = paths.file;
  for (const problem of problems) if (problem.path === PATH) problem.path = paths.path;
  return { constitution, problems };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
