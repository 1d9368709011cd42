/**
 * Deferral phrases of rules.md: `deferred-to-sprint` (work pushed to an unplanned future
 * iteration) and `vague-deferral` (deferral with no plan). Each list is bounded: patterns name the
 * deferral itself, and the exclusions of rules.md ("the v2 API", "temporary file", "later
 * versions", "eventually consistent"...) are written into them, because a finding nobody wants
 * costs more than a missed one.
 */
export interface PhraseMatch {
  text: string;
  start: number;
  end: number;
}

const w = String.raw;

export const SPRINT_PHRASES: readonly RegExp[] = [
  new RegExp(w`\b(?:next|following|future|upcoming)\s+sprints?\b`, 'gi'),
  // Not a loop's next iteration ("continue to the next iteration", "the next iteration of the loop"):
  // found scanning ESLint's sources, where it is the commonest use of the phrase.
  new RegExp(
    w`(?<!\b(?:loops?|looping|continues?|continuing|skips?|skipping|jumps?|goes|go|moves?|proceeds?)'?\s+(?:on\s+)?(?:for|to|into|with)\s+the\s+)\b(?:next|future)\s+iterations?\b(?!\s+(?:of|through|over)\b)`,
    'gi',
  ),
  // Not "compatible with next versions": found scanning markdown-it, it promises nothing is deferred.
  new RegExp(w`(?<!\bcompatib(?:le|ility)\s+with\s+(?:the\s+)?)\b(?:next|future)\s+(?:releases?|versions?)\b(?!\s+notes?\b)`, 'gi'),
  new RegExp(w`\b(?:after\s+(?:the\s+)?launch|after\s+the\s+release|post[- ]?launch)\b`, 'gi'),
  new RegExp(w`\b(?:post[- ]?MVP|after\s+(?:the\s+)?MVP|out\s+of\s+scope\s+for\s+(?:the\s+)?MVP)\b`, 'gi'),
  new RegExp(w`\b(?:in|for|until)\s+phase\s*(?:2|two|II)\b`, 'gi'),
  // "in v2", "until v3.1"; not "in v2 API" or "for v2 endpoints" (a version of something), nor
  // "for the v8::Context" (a C++ namespace: found scanning Playwright's protocol types).
  new RegExp(
    w`\b(?:in|for|until)\s+(?:the\s+)?v[2-9]\d?(?:\.\d+)*\b(?![-.]\w|::|\s+(?:api|apis|endpoints?|schema|format|protocol|client|sdk|routes?|of)\b)`,
    'gi',
  ),
  new RegExp(w`\bnext\s+quarter\b`, 'gi'),
  // "PI" (program increment) only in capitals: "next pi" is maths.
  /\b[Nn][Ee][Xx][Tt]\s+PI\b/g,
];

const WORKAROUND_NOUNS = w`workaround|work-around|fix|hack|solution|patch|measure|stub|shim|kludge|band-?aid|stopgap|stop-gap|hardcod(?:e|ing)`;
const DISABLED = w`disabled?|skip(?:ped)?|removed?|commented(?:\s+out)?|hard-?coded|turned\s+off|switched\s+off|bypass(?:ed)?|ignored?|patched|stubbed|mocked`;

export const VAGUE_PHRASES: readonly RegExp[] = [
  new RegExp(w`\bfor\s+now\b`, 'gi'),
  // "temporary" as a judgement ("this is temporary", "temporary workaround"), not "temporary file".
  new RegExp(w`\btemporary\b(?=\s*(?:$|[.,;!)]|\s*[-–—]\s|\s+(?:${WORKAROUND_NOUNS}|until|till|for\s+now)\b))`, 'gi'),
  new RegExp(w`\btemporarily\s+(?:${DISABLED})\b`, 'gi'),
  new RegExp(w`\b(?:${DISABLED})\s+temporarily\b(?!\s+(?:while|during|within|inside)\b)`, 'gi'),
  new RegExp(w`\btemporary\s+(?:${WORKAROUND_NOUNS})\b`, 'gi'),
  new RegExp(w`\bquick(?:\s+|-)(?:fix|hack)\b`, 'gi'),
  new RegExp(w`\bquick(?:\s+|-)and(?:\s+|-)dirty\b`, 'gi'),
  new RegExp(w`\bhacky\b`, 'gi'),
  new RegExp(w`\bband[- ]?aid\b`, 'gi'),
  new RegExp(w`\bstop[- ]?gap\b`, 'gi'),
  new RegExp(w`\bkludg(?:e|y)\b`, 'gi'),
  new RegExp(w`\bwork[- ]?around\s+until\b`, 'gi'),
  new RegExp(
    w`\b(?:(?:clean|tidy)\s*-?up|refactor|fix|revisit|handle|deal\s+with|address)(?:\s+(?:it|this|that|them|these|those|properly|up))?\s+later\b(?!\s+(?:versions?|releases?|stages?|steps?|phases?|in\s+the|on\b|by\s+the|when\b))`,
    'gi',
  ),
  new RegExp(w`\b(?:clean|tidy)\s+(?:it|this|that|them|these|those)\s+up\s+later\b`, 'gi'),
  new RegExp(w`\beventually,?\s+(?:we|you|someone)\s+(?:should|need\s+to|must|will\s+(?:need|have)\s+to)\b`, 'gi'),
  new RegExp(w`\b(?:we|you)\s+should\s+eventually\b`, 'gi'),
  new RegExp(w`\bsomeday\b`, 'gi'),
  new RegExp(w`\bgood\s+enough(?:\s+for\s+now)?\b`, 'gi'),
  new RegExp(w`\btech(?:nical)?\.?\s+debt\b`, 'gi'),
  new RegExp(w`\bremove\s+(?:(?:it|this|that|me|these|them)\s+)?before\s+(?:the\s+)?(?:release|releasing|merg(?:e|ing)|prod(?:uction)?|shipping|going\s+live)\b`, 'gi'),
  new RegExp(w`\b(?:do\s+not|don'?t|never)\s+ship\b`, 'gi'),
];

/**
 * Cheap test for words that could start any built-in trigger (tags and both phrase lists): most
 * comments in real code contain none, and then no other regular expression runs. Factored by
 * first letter after a word boundary, which V8 scans several times faster than a flat list.
 */
export const TRIGGER_PREFILTER =
  /\b(?:t(?:odo|emporar)|fixme|xxx|hack|b(?:ug|and)|kludg|optimize|r(?:eview|eleas|emove)|s(?:print|top|omeday|hip)|iteration|v(?:ersion|[2-9])|l(?:aunch|ater)|mvp|p(?:hase|ost)|qu(?:arter|ick)|n(?:ext|ow)|work|e(?:ventual|nough)|debt)/i;

/** Earliest match of any pattern; user patterns (already safe) see at most `limit` characters. */
export function findPhrase(text: string, patterns: readonly RegExp[], limit = Infinity): PhraseMatch | null {
  const searched = text.length > limit ? text.slice(0, limit) : text;
  let best: PhraseMatch | null = null;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    const m = pattern.exec(searched);
    pattern.lastIndex = 0;
    if (m === null || m[0].length === 0) continue;
    // Earliest wins; at the same place the longer phrase reads better in a message.
    if (best === null || m.index < best.start || (m.index === best.start && m[0].length > best.text.length)) {
      best = { text: m[0], start: m.index, end: m.index + m[0].length };
    }
  }
  return best;
}
