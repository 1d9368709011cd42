import { isAbsolute, sep } from 'node:path';

/**
 * Whether a path from `path.relative(root, target)` stays inside the root ('' is the root itself).
 * Only a first segment of exactly `..` leaves it: `..foo.sql` and `..config` are ordinary names
 * inside the root, which a `startsWith('..')` test took for paths outside. Takes the platform's
 * separator or '/'.
 */
export function isRelativeInside(rel: string): boolean {
  if (isAbsolute(rel)) return false;
  return rel !== '..' && !rel.startsWith('../') && !rel.startsWith(`..${sep}`);
}
