import type { EngineSettings } from '../config/model';
import type { LanguageSpec } from '../lexer/types';
import { familyOf, hasCatchBlocks, type Family } from '../rules/code/families';
import { insecureLineChecks } from '../rules/code/insecure';
import { testPatternLiterals } from '../rules/code/tests';
import { escapeRegExp } from '../regexSafety';
import { isTestFile } from '../testFiles';

/**
 * A file-level prefilter for scans: a few searches of a file's text, chosen by its language
 * family and whether it is a test file, for what some rule needs before it can report anything.
 * A file where none matches is counted as scanned and never lexed or analysed. Nearly every file
 * holds a trigger *word* (`catch`, `only`, `version`...), so the searches are for the shapes the
 * rules report: a marker tag as a tag, a deferral phrase's own words, a directive with its verb.
 *
 * Each search must be a necessary condition of some rule, never a guess. Why they are:
 * - A comment's cleaned text (rules/comments/commentText.ts) is made of whole lines of the file
 *   with decoration cut from their ends, so a word of a note is a substring of the file. A word
 *   that starts a cleaned line follows decoration, white space or a comment opener in the file,
 *   and no opener ends in a word character (`rem` needs a space after it; a language whose
 *   delimiters do is not prefiltered), so a word boundary before it holds in the file too;
 *   after the last word of a line come white space, `*`, a line break or a closer, none of them
 *   word characters.
 * - A phrase whose words a line break can separate (`for\n// now`) is split into its words, each
 *   searched alone: the file must hold all of them (`allOf`), which a comment run does.
 * - Code rules search the code (strings and comments turned into spaces, same length), so a
 *   literal of theirs with no space in it is in the file wherever it is in the code.
 * - The insecure patterns run here as in their rule, on the lines of the file that hold their
 *   literal.
 * Without the `u` flag, `i` folds ASCII letters only (`ſ` is not `s`), as in the rules.
 * User phrases (the config's `phrases`) can match anything, so with any of them the prefilter is
 * off (prefilterFor returns undefined). test/unit/scan/prefilter.test.ts checks that scans with and
 * without it report the same findings, over this repository and random rule-shaped texts in every
 * language.
 */

/**
 * A test that is true of every file some rule can report in (and of some others), and the
 * anchors: literals, compared without case, at least one of which is in every text the test is
 * true of. The anchors are found in one pass over the text; only the tests whose anchors occur
 * run, each at most once (most files hold no anchor of most tests).
 */
interface Condition {
  anchors: readonly string[];
  holds: (text: string) => boolean;
}

const word = (w: string): RegExp => new RegExp(String.raw`(?<!\w)(?:${w})(?!\w)`, 'i');
const anyOf = (anchors: readonly string[], regex?: RegExp): Condition => ({ anchors, holds: regex ? (text) => regex.test(text) : () => true });
const allOf = (anchors: readonly string[], ...regexes: RegExp[]): Condition => ({ anchors, holds: (text) => regexes.every((r) => r.test(text)) });

const TAG_WORDS = ['todo', 'fixme', 'xxx', 'hack', 'bug', 'kludge', 'optimize', 'review'];

/** Comment rules, which every family has. */
const COMMENT_CONDITIONS: readonly Condition[] = [
  // Marker tags (rules/comments/markers.ts): capitals anywhere, any case before `:` or `(`.
  anyOf(TAG_WORDS, /(?<!\w)@?(?:TODO|FIXME|XXX|HACK|BUG|KLUDGE|OPTIMIZE|REVIEW)(?!\w)|(?<!\w)@?(?:[Tt][Oo][Dd][Oo]|[Ff][Ii][Xx][Mm][Ee]|[Xx]{3}|[Hh][Aa][Cc][Kk]|[Bb][Uu][Gg]|[Kk][Ll][Uu][Dd][Gg][Ee]|[Oo][Pp][Tt][Ii][Mm][Ii][Zz][Ee]|[Rr][Ee][Vv][Ii][Ee][Ww])[:(]/),
  // Deferral phrases (rules/comments/phrases.ts), each by words it cannot do without. Words
  // joined by `[- ]?` or within one word stay on one line; words joined by `\s+` may not.
  anyOf(['sprint', 'iteration', 'launch', 'mvp', 'quarter']),
  allOf(['release', 'version'], word('next|future'), word('releases?|versions?')),
  allOf(['release'], word('after'), word('release')),
  allOf(['phase'], word('in|for|until')),
  allOf(['v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9'], word('in|for|until'), /(?<!\w)v[2-9]/i),
  allOf(['next'], word('next'), /(?<!\w)PI(?!\w)/),
  allOf(['now'], word('for'), word('now')),
  anyOf(['temporar', 'quick', 'hacky', 'bandaid', 'band-aid', 'band aid', 'stopgap', 'stop-gap', 'stop gap', 'kludg', 'workaround', 'work-around', 'work around', 'later', 'eventually', 'someday', 'debt']),
  allOf(['enough'], word('good'), word('enough')),
  allOf(['before'], word('remove'), word('before')),
  allOf(['ship'], word("do|don'?t|never"), word('ship')),
  // Directives (rules/code/directives.ts): a tool's word with the verb that switches it off.
  anyOf(
    ['eslint-disable', '@ts-', 'noqa', 'type:', 'pyright:', 'pylint:', 'rubocop:', 'nolint', 'nosonar', 'qa-lens-ignore'],
    /eslint-disable|@ts-|[Nn][Oo][Qq][Aa]|(?:type|pyright):[ \t]*ignore|pylint:[ \t]*disable|rubocop:[ \t]*(?:disable|todo)|nolint|NOSONAR|qa-lens-ignore/,
  ),
];

/** Literals the code must hold, case as written; cut at a space (the code's may be a blanked character). */
function literals(list: readonly string[]): Condition[] {
  const cut = [...new Set(list.map((l) => l.split(' ')[0]).filter((l) => l.length > 0))];
  return cut.length === 0 ? [] : [anyOf(cut, new RegExp(cut.map(escapeRegExp).join('|')))];
}

/** Code rules (rules/code/*.ts) that can run in this family, for a test file or not. */
function codeConditions(family: Family, testFile: boolean): Condition[] {
  // Prose holds no code: only comment directives count there (rules/code/scan.ts).
  if (family === 'markup') return [];
  const conditions: Condition[] = [];
  if (family === 'jvm') conditions.push(...literals(['@Suppress']));
  if (family === 'csharp') conditions.push(...literals(['#pragma']));
  conditions.push(...literals(testPatternLiterals(family, testFile)));
  // swallowed-error: an empty body is empty in the file too (a blanked comment makes it explained).
  if (hasCatchBlocks(family)) conditions.push(allOf(['catch'], /catch/, /\{\s*\}/));
  if (family === 'python') conditions.push(allOf(['except'], /except/, /pass|\.\.\./));
  if (family === 'ruby') conditions.push(...literals(['rescue']));
  for (const { literal, matchesALine } of insecureLineChecks(family)) conditions.push({ anchors: [literal], holds: matchesALine });
  return conditions;
}

/** The conditions of one kind of file, with one search for all their anchors. */
interface Prefilter {
  search: RegExp;
  /** Per first character (lower case): each anchor starting with it, and its condition. */
  byFirst: Map<string, Array<{ anchor: string; condition: number }>>;
  conditions: readonly Condition[];
}

function compile(conditions: readonly Condition[]): Prefilter {
  const byFirst = new Map<string, Array<{ anchor: string; condition: number }>>();
  conditions.forEach((condition, i) => {
    for (const anchor of condition.anchors) {
      const lower = anchor.toLowerCase();
      const list = byFirst.get(lower[0]) ?? [];
      list.push({ anchor: lower, condition: i });
      byFirst.set(lower[0], list);
    }
  });
  const all = [...new Set([...byFirst.values()].flat().map((a) => a.anchor))];
  return { search: new RegExp(trie(all), 'gi'), byFirst, conditions };
}

/**
 * An alternation of the words factored by common prefixes (`t(?:odo|emporar)`): V8 scans it
 * several times faster than a flat list. Which word matched does not matter (each place is
 * checked against every anchor), so a word that is a prefix of another may hide it.
 */
function trie(words: readonly string[]): string {
  if (words.some((w) => w.length === 0)) return '';
  const groups = new Map<string, string[]>();
  for (const w of words) groups.set(w[0], [...(groups.get(w[0]) ?? []), w.slice(1)]);
  const branches = [...groups].map(([first, rests]) => {
    const rest = trie(rests);
    return rest === '' ? escapeRegExp(first) : `${escapeRegExp(first)}${rests.length > 1 ? `(?:${rest})` : rest}`;
  });
  return branches.join('|');
}

const byKind = new Map<string, Prefilter>();

/** The prefilter of one family, test file or not (built once each). */
function prefilterOf(family: Family, testFile: boolean): Prefilter {
  const key = `${family}:${testFile}`;
  let prefilter = byKind.get(key);
  if (prefilter === undefined) {
    prefilter = compile([...COMMENT_CONDITIONS, ...codeConditions(family, testFile)]);
    byKind.set(key, prefilter);
  }
  return prefilter;
}

/** Whether any rule could report something in this text (false: certainly not). */
export function textMayHaveFindings(text: string, family: Family, testFile: boolean): boolean {
  const { search, byFirst, conditions } = prefilterOf(family, testFile);
  const tried = new Uint8Array(conditions.length);
  search.lastIndex = 0;
  for (let m = search.exec(text); m !== null; m = search.exec(text)) {
    // Anchors may overlap (`xxxit` holds `xxx` and `xit`): every anchor at this place counts,
    // and the search goes on from the next character.
    const at = m.index;
    search.lastIndex = at + 1;
    for (const { anchor, condition } of byFirst.get(m[0][0].toLowerCase()) ?? []) {
      if (tried[condition] === 1 || text.slice(at, at + anchor.length).toLowerCase() !== anchor) continue;
      tried[condition] = 1;
      if (conditions[condition].holds(text)) {
        search.lastIndex = 0;
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether a comment delimiter of this language touches the comment's text with a word character:
 * an opener ending in one or a closer starting with one, as a language configuration of another
 * extension may declare (`"lineComment": "REM"`). The word boundaries the conditions rely on do
 * not hold there, so such a language is never prefiltered. (The built-in table has none: `rem`
 * and `=begin` count only with a space after them.)
 */
function hasWordEdgedDelimiters(language: LanguageSpec): boolean {
  let edged = wordEdged.get(language);
  if (edged === undefined) {
    const word = /\w/;
    const openers = [...(language.lineComments ?? []), ...(language.lineStartComments ?? []), ...(language.blockComments ?? []).map(([open]) => open)];
    const closers = (language.blockComments ?? []).map(([, close]) => close);
    edged =
      openers.some((open) => word.test(open.slice(-1))) ||
      closers.some((close) => word.test(close.slice(0, 1))) ||
      Object.values(language.embedded ?? {}).some(hasWordEdgedDelimiters);
    wordEdged.set(language, edged);
  }
  return edged;
}

const wordEdged = new WeakMap<LanguageSpec, boolean>();

/** A file's prefilter: false when no rule can report anything in it. */
export type FilePrefilter = (text: string, path: string, language: LanguageSpec) => boolean;

/** The prefilter for these settings, or undefined when user phrases make every file a candidate. */
export function prefilterFor(settings: EngineSettings): FilePrefilter | undefined {
  const userPhrases = Object.values(settings.phrases).some((list) => list !== undefined && list.length > 0);
  if (userPhrases) return undefined;
  return (text, path, language) =>
    hasWordEdgedDelimiters(language) || textMayHaveFindings(text, familyOf(language), isTestFile(path, settings.testFiles));
}
