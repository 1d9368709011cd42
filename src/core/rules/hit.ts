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

/**
 * The excerpt of a code finding: its line, trimmed. A longer line (minified code) gives the
 * window of EXCERPT_LIMIT characters around the trigger at `at` (an offset into `line`), so the
 * report stays small and the fingerprint hashed from the excerpt is about this finding only.
 */
export function codeExcerpt(line: string, at: number): string {
  const trimmed = line.trim();
  if (trimmed.length <= EXCERPT_LIMIT) return trimmed;
  const width = EXCERPT_LIMIT - 2;
  const from = Math.max(0, Math.min(at - (width >> 1), line.length - width));
  const to = Math.min(line.length, from + width);
  return `${from > 0 ? '…' : ''}${line.slice(from, to).trim()}${to < line.length ? '…' : ''}`;
}
