import { createHash } from 'node:crypto';
import type { Finding } from './types';

/**
 * Fingerprints (cli.md): a hash of the rule id, the path and the normalised excerpt, plus an
 * occurrence index when the same (rule, excerpt) appears more than once in a file. No line
 * number goes in, so inserting lines above a finding leaves it unchanged.
 */
export function normaliseExcerpt(excerpt: string): string {
  return excerpt.replace(/\s+/g, ' ').trim();
}

export function fingerprintOf(ruleId: string, path: string, excerpt: string, occurrence: number): string {
  const parts = [ruleId, path, normaliseExcerpt(excerpt)];
  // The first occurrence carries no index, so adding a duplicate below never changes it.
  if (occurrence > 0) parts.push(String(occurrence));
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

type Unfingerprinted = Omit<Finding, 'fingerprint'> & { fingerprint?: string };

/**
 * Fills `fingerprint` on every finding (in place) and returns them as `Finding`s. Occurrences are
 * counted per (path, rule, excerpt) in document order (line, then column).
 */
export function fingerprintFindings(findings: Unfingerprinted[], cache?: Map<string, string>): Finding[] {
  const ordered = [...findings].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  const seen = new Map<string, number>();
  for (const finding of ordered) {
    const excerpt = normaliseExcerpt(finding.excerpt);
    const key = `${finding.path}\u0000${finding.ruleId}\u0000${excerpt}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    if (cache === undefined) {
      finding.fingerprint = fingerprintOf(finding.ruleId, finding.path, excerpt, occurrence);
      continue;
    }
    // The editor fingerprints the same findings after every edit: hashing once per key is enough.
    const cacheKey = `${key}\u0000${occurrence}`;
    let fingerprint = cache.get(cacheKey);
    if (fingerprint === undefined) {
      fingerprint = fingerprintOf(finding.ruleId, finding.path, excerpt, occurrence);
      if (cache.size >= FINGERPRINT_CACHE_LIMIT) cache.clear();
      cache.set(cacheKey, fingerprint);
    }
    finding.fingerprint = fingerprint;
  }
  return findings as Finding[];
}

/** Entries a fingerprint cache holds before it starts over (a document rarely has a thousand findings). */
const FINGERPRINT_CACHE_LIMIT = 10_000;
