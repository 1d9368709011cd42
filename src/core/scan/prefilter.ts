import type { EngineSettings } from '../config/model';
import { TRIGGER_PREFILTER } from '../rules/comments/phrases';

/**
 * A file-level prefilter for scans: one case-insensitive search of a file's text for any word
 * some rule needs before it can fire. A file without one is counted as scanned and never
 * lexed or analysed.
 *
 * It must be a superset of every rule's trigger, never a guess:
 * - comment rules only judge comment groups whose raw text matches TRIGGER_PREFILTER (engine.ts),
 *   so its alternatives are reused here *without* the leading `\b` (a comment's text is a
 *   substring of the file, and a substring can start a word where the file does not);
 * - code rules each start from a literal (rules/code/*.ts: directives, annotations, tests,
 *   swallowed, insecure); those literals, lower-cased, are listed below.
 * Matching bytes as latin1 finds exactly the ASCII matches of the UTF-8 text: multi-byte UTF-8
 * sequences hold no ASCII bytes, and without the `u` flag `i` never folds non-ASCII to ASCII.
 * User phrases (the config's `phrases`) can match anything, so with any of them the prefilter is
 * off (prefilterFor returns undefined). test/unit/scan/prefilter.test.ts checks that scans with and
 * without it report the same findings.
 */
export const CODE_RULE_TRIGGERS: readonly string[] = [
  // suppressed-check (directives.ts, annotations.ts)
  'eslint-disable', '@ts-', 'noqa', 'type:', 'pyright:', 'pylint:', 'rubocop:', 'nolint', 'nosonar', 'qa-lens-ignore',
  '@suppress', '#pragma',
  // skipped-test, focused-test (tests.ts); `skip` covers .skip, mark.skip, @skip, t.Skip, Skip =
  'skip', 'ignore', 'disabled', 'pending', 'only',
  'xit', 'xtest', 'xdescribe', 'xcontext', 'xspecify', 'xexample', 'xscenario', 'xfeature',
  'fit', 'fdescribe', 'fcontext', 'fspecify', 'fexample', 'fscenario',
  // swallowed-error (swallowed.ts)
  'catch', 'except', 'rescue',
  // insecure-shortcut (insecure.ts)
  'rejectunauthorized', 'node_tls_reject_unauthorized', 'erify', 'insecureskipverify', '_create_unverified_context',
  'curl', 'wget', 'strict', 'chmod', '777',
];

const escape = (literal: string): string => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COMMENT_TRIGGERS = TRIGGER_PREFILTER.source.replace(/^\\b/, '');

/** Case-insensitive, no `u` flag (see above), no boundaries. */
export const FILE_PREFILTER = new RegExp(`${COMMENT_TRIGGERS}|${CODE_RULE_TRIGGERS.map(escape).join('|')}`, 'i');

/** Whether any rule could report something in these bytes (false: certainly not). */
export function mayHaveFindings(bytes: Uint8Array): boolean {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return FILE_PREFILTER.test(buffer.toString('latin1'));
}

/**
 * The same test on the decoded text: decoding keeps every ASCII byte as it is (invalid sequences
 * become U+FFFD, never ASCII), so it finds exactly what the bytes hold. Scans decode first and
 * test the text, which spares a second copy of every file (nearly all hold some trigger word).
 */
export function textMayHaveFindings(text: string): boolean {
  return FILE_PREFILTER.test(text);
}

/** The prefilter for these settings, or undefined when user phrases make every file a candidate. */
export function prefilterFor(settings: EngineSettings): ((text: string) => boolean) | undefined {
  const userPhrases = Object.values(settings.phrases).some((list) => list !== undefined && list.length > 0);
  return userPhrases ? undefined : textMayHaveFindings;
}
