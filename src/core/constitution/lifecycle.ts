import { createHash } from 'node:crypto';
import type { PrincipleMetadata } from './metadata';
import type { Constitution, PrincipleStatus } from './types';

/**
 * The constitution is a living document: when someone acknowledges it, the editor stores a
 * snapshot (version plus one content hash per principle) and can later say what changed since.
 */

/** What is stored when a user acknowledges the constitution; plain JSON. */
export interface ConstitutionSnapshot {
  version: string | null;
  principles: Record<string, { hash: string; title: string; status: PrincipleStatus }>;
}

export interface PrincipleRef {
  id: string;
  title: string;
}

/** What changed between an acknowledged snapshot and the constitution as it is now. */
export interface ConstitutionDiff {
  fromVersion: string | null;
  toVersion: string | null;
  /** In the constitution now, not in the snapshot. */
  added: PrincipleRef[];
  /** Wording or metadata changed (including a retired principle brought back). */
  changed: PrincipleRef[];
  /** Present in both, retired now but not then. */
  retired: PrincipleRef[];
  /** In the snapshot, gone from the file. */
  removed: PrincipleRef[];
}

/**
 * sha256 of the principle as a reader sees it: heading, effective metadata and body. Normalised
 * so that what does not change the meaning does not count as a change: line endings, trailing
 * spaces, runs of blank lines, the YAML's layout and the order of list entries.
 */
export function principleHash(id: string, title: string, metadata: PrincipleMetadata, body: string): string {
  const heading = `${id} ${title.replace(/\s+/g, ' ').trim()}`;
  const meta = JSON.stringify({
    level: metadata.level,
    appliesTo: [...metadata.appliesTo].sort(),
    rules: [...metadata.rules].sort(),
    checklists: [...metadata.checklists].sort(),
    status: metadata.status,
  });
  const text = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return createHash('sha256').update(`${heading}\n${meta}\n${text}`).digest('hex');
}

export function snapshotConstitution(constitution: Constitution): ConstitutionSnapshot {
  const principles: ConstitutionSnapshot['principles'] = {};
  for (const principle of constitution.principles) {
    principles[principle.id] = { hash: principle.hash, title: principle.title, status: principle.status };
  }
  return { version: constitution.version, principles };
}

/**
 * Compares a stored snapshot with the constitution now. A principle that became retired is
 * `retired`, not `changed`, even though its hash moved (the status is part of it); a snapshot
 * that is not a snapshot (hand-edited storage) reads as empty, so everything shows as added.
 */
export function diffConstitution(old: ConstitutionSnapshot | null | undefined, current: Constitution): ConstitutionDiff {
  const before = isSnapshot(old) ? old.principles : {};
  const diff: ConstitutionDiff = { fromVersion: isSnapshot(old) && typeof old.version === 'string' ? old.version : null, toVersion: current.version, added: [], changed: [], retired: [], removed: [] };
  const seen = new Set<string>();
  for (const principle of current.principles) {
    seen.add(principle.id);
    const ref = { id: principle.id, title: principle.title };
    const previous = Object.prototype.hasOwnProperty.call(before, principle.id) ? before[principle.id] : undefined;
    if (!previous) diff.added.push(ref);
    else if (principle.status === 'retired' && previous.status !== 'retired') diff.retired.push(ref);
    else if (previous.hash !== principle.hash) diff.changed.push(ref);
  }
  for (const [id, previous] of Object.entries(before)) {
    if (!seen.has(id)) diff.removed.push({ id, title: previous.title });
  }
  return diff;
}

/** Whether a diff has anything to show. */
export function hasChanges(diff: ConstitutionDiff): boolean {
  return diff.added.length + diff.changed.length + diff.retired.length + diff.removed.length > 0;
}

function isSnapshot(value: unknown): value is ConstitutionSnapshot {
  if (value === null || typeof value !== 'object') return false;
  const principles = (value as { principles?: unknown }).principles;
  if (principles === null || typeof principles !== 'object' || Array.isArray(principles)) return false;
  return Object.values(principles).every(
    (entry) => entry !== null && typeof entry === 'object' && typeof (entry as { hash?: unknown }).hash === 'string' && typeof (entry as { title?: unknown }).title === 'string',
  );
}
