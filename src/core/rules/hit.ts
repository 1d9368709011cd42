import type { RuleId } from './ids';

/**
 * What a rule reports before the engine turns it into a `Finding`: document offsets instead of
 * positions, no severity (settings decide) and no fingerprint (computed over the whole file).
 */
export interface RuleHit {
  ruleId: RuleId;
  /** UTF-16 offsets into the document; `end` exclusive. */
  start: number;
  end: number;
  message: string;
  excerpt: string;
  tag?: string | null;
  ticket?: string | null;
  deadline?: string | null;
  /** A deadline inside the warning window: shown at least as a warning. */
  escalate?: boolean;
}

/** Excerpts stay one line and bounded: they are shown in lists and hashed into fingerprints. */
export const EXCERPT_LIMIT = 400;

export function excerptOf(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > EXCERPT_LIMIT ? `${folded.slice(0, EXCERPT_LIMIT - 1)}…` : folded;
}
