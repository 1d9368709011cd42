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

/** `word` matching in any case, for patterns that cannot take the `i` flag. */
function anyCase(word: string): string {
  return [...word].map((c) => (c.toLowerCase() === c.toUpperCase() ? c : `[${c.toLowerCase()}${c.toUpperCase()}]`)).join('');
}

/** Words in any case, as alternatives (`?` allowed), for patterns that cannot take the `i` flag. */
function anyCaseWords(words: readonly string[]): string {
  return words.map(anyCase).join('|');
}

/** After "future versions": the clause says what may happen, not what is planned. */
const NOT_A_POSSIBILITY = w`(?<!\b(?:may|might|could|can|subject\s+to|likely\s+to|reserved\s+for|allow\s+for)\b[^.;:!?]{0,80})(?!\s+(?:of\s+[\w.-]+\s+)?(?:may|might|could|can)\b)`;

/** Before "in v2": it already happened ("added in v2.20", "new for v2.0"), unless it is still to come ("will be added in"). */
const HISTORY = w`(?<!\b(?:${anyCaseWords(['will', 'shall', 'should', 'must', 'to', "'ll"])})\s+${anyCase('be')}\s+)\b(?:${anyCaseWords([
  'new', 'added', 'introduced', 'deprecated', 'renamed', 'changed', 'defined', 'supported', 'available', 'corrected', 'starting',
  'started', 'only', 'removed', 'dropped', 'fixed', 'implemented',
])})`;

/** After "in v2": the version of a thing, not a release to wait for. */
const VERSION_OF = [
  anyCaseWords([
    'api', 'apis', 'endpoints?', 'schema', 'format', 'protocol', 'client', 'sdk', 'routes?', 'of', 'columns?', 'tables?', 'fields?',
    'headers?', 'spec', 'specification', 'standard', 'structs?', 'structures?', 'objects?', 'engine', 'javascript', 'isolates?', 'heap',
    'code', 'mode', 'units?', 'metadata', 'types?', 'syntax',
  ]),
  w`${anyCase('or')}\s+(?:${anyCaseWords(['later', 'newer', 'above', 'higher'])})`,
  w`${anyCase('and')}\s+(?:${anyCaseWords(['later', 'newer', 'above', 'up'])})`,
].join('|');

export const SPRINT_PHRASES: readonly RegExp[] = [
  new RegExp(w`\b(?:next|following|future|upcoming)\s+sprints?\b`, 'gi'),
  // Not a loop's next iteration ("continue to the next iteration", "the next iteration of the loop",
  // "the next iteration step"): found scanning ESLint's sources and CPython's `os.py`.
  new RegExp(
    w`(?<!\b(?:loops?|looping|continues?|continuing|skips?|skipping|jumps?|goes|go|moves?|proceeds?)'?\s+(?:on\s+)?(?:for|to|into|with)\s+the\s+)\b(?:next|future)\s+iterations?\b(?!\s+(?:of|through|over|steps?)\b)`,
    'gi',
  ),
  // Not "compatible with next versions": found scanning markdown-it, it promises nothing is deferred.
  // Nor what a library says may happen to its interface ("new flags may be added in future
  // releases", "future versions might change", "reserved for future versions"): found scanning
  // SQLite's, OpenSSL's and NSS's headers, where it is the commonest use. A plan ("will be
  // removed in a future version", "we should fix it in a future release") is still a deferral.
  new RegExp(
    w`(?<!\bcompatib(?:le|ility)\s+with\s+(?:the\s+)?)\b(?:next|future)\s+(?:releases?|versions?)\b(?!\s+notes?\b)${NOT_A_POSSIBILITY}`,
    'gi',
  ),
  new RegExp(w`\b(?:after\s+(?:the\s+)?launch|after\s+the\s+release|post[- ]?launch)\b`, 'gi'),
  new RegExp(w`\b(?:post[- ]?MVP|after\s+(?:the\s+)?MVP|out\s+of\s+scope\s+for\s+(?:the\s+)?MVP)\b`, 'gi'),
  new RegExp(w`\b(?:in|for|until)\s+phase\s*(?:2|two|II)\b`, 'gi'),
  // "in v2", "until v3.1". Not:
  // - a version of something: "in v2 API", "for v2 endpoints", "in the v2 column", "v2 or later";
  // - history: "new for v2.0", "added in v2.20", "deprecated in v2.11" (unless still to come:
  //   "will be added in v3"), found scanning the PKCS #11 and DWARF headers;
  // - V8 the JavaScript engine, written with a capital: "in V8's heap", "for V8 objects", "until
  //   V8 exit", "for the v8::Context" (found scanning Node's and Playwright's headers and types);
  // - a path: "in v8/BUILD.gn".
  // Case-insensitive by hand, because "V8" and "v8" must differ.
  new RegExp(
    w`\b(?:${anyCase('in')}|${anyCase('for')}|${anyCase('until')})(?<!${HISTORY}\s+\w+)\s+(?:${anyCase('the')}\s+)?(?:v|V(?!8(?![\d.])))[2-9]\d?(?:\.\d+)*\b(?![-./]\w|\+|::|'s\b|\s+(?:${VERSION_OF})\b)`,
    'g',
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
  // Not a condition on a thing ("delete it if temporary", found scanning CPython's `bdb.py`), nor the
  // noun ("copy the value to a temporary, and repeat", found scanning perldiag; C++'s "a temporary.").
  new RegExp(w`(?<!\b(?:if|when|unless|whether|non|a|an|the)[\s-]+)\btemporary\b(?=\s*(?:$|[.,;!)]|\s*[-–—]\s|\s+(?:${WORKAROUND_NOUNS}|until|till|for\s+now)\b))`, 'gi'),
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
  // Not its negation ("plain rstrip() isn't good enough", "not good enough"): the comment explains
  // why more was done. Found scanning CPython's and CPAN's sources.
  new RegExp(w`(?<!\b(?:not|never|no\s+longer)\s+(?:\w+\s+)?|n't\s+(?:\w+\s+)?)\bgood\s+enough(?:\s+for\s+now)?\b`, 'gi'),
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
