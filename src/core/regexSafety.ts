/**
 * User-supplied regular expressions (`phrases`, `ticketPatterns`) must not be able to hang a scan
 * (rules.md). JavaScript's backtracking engine can take exponential time on patterns such as
 * `(a+)+` and polynomial time on `.*.*`, and a hung extension host is worse than a missed phrase.
 *
 * The choice: reject the dangerous shapes up front, plus a cap on the text a user pattern runs
 * against. The alternative, running user patterns in a worker with a timeout (as some spell
 * checkers do), costs a message round trip per match on the hot path (every comment of every file,
 * on every keystroke) and still burns a CPU until the timeout. A static check costs nothing per
 * match; it is conservative, so a few harmless patterns (`(ab|ac)+`) are refused with a message
 * that says why and how to rewrite them.
 *
 * Rejected:
 *  1. backreferences (`\1`, `\k<name>`): they make matching NP-hard in general;
 *  2. nested repetition: a quantifier over something that itself repeats a variable number of
 *     times (`(a+)+`, `(a*)*`, `(\w{1,5})+`, `(a+){1,3}`, `(.{1,30}){1,3}`), except small bounded
 *     products such as `(?:\d{1,3}\.){3}`;
 *  3. an unbounded quantifier over alternatives that can start with the same character or match
 *     nothing (`(a|ab)+`, `(\w|\d)*`, `(a?)+`);
 *  4. two quantifiers over overlapping characters, one unbounded, with nothing distinct between
 *     them (`\s*\s*`, `\d+\w{1,30}`, `.{2,}a+`): polynomial time;
 *  5. more than one unbounded wildcard (`.*`, `[^x]+`, `\S*`): each multiplies the work by the
 *     text length;
 *  6. patterns longer than MAX_USER_PATTERN_LENGTH.
 * What remains is at worst quadratic in the text length, and USER_PATTERN_INPUT_LIMIT bounds that.
 */

/** The longest user pattern accepted. */
export const MAX_USER_PATTERN_LENGTH = 300;

/**
 * User patterns only ever see this many characters of a note or line: with the shapes above
 * rejected, the worst case is quadratic, so this bounds a single match to a few million steps.
 */
export const USER_PATTERN_INPUT_LIMIT = 2000;

export type CompiledPattern = { ok: true; regex: RegExp } | { ok: false; reason: string };

/**
 * Compiles `source` with `flags` after checking it is valid and safe. The reason, when refused,
 * quotes the expression: `invalid regular expression "(": Unterminated group`.
 */
export function compileUserPattern(source: string, flags: string): CompiledPattern {
  const quoted = JSON.stringify(source);
  if (source.length === 0) return { ok: false, reason: 'empty regular expression (it would match everywhere)' };
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8: "Invalid regular expression: /(/i: Unterminated group": keep only the cause.
    const cause = /: \/.*\/[a-z]*: (.*)$/s.exec(message)?.[1] ?? message;
    return { ok: false, reason: `invalid regular expression ${quoted}: ${cause}` };
  }
  const unsafe = unsafeReason(source);
  if (unsafe) return { ok: false, reason: `regular expression ${quoted} rejected: ${unsafe}` };
  if (regex.test('')) return { ok: false, reason: `regular expression ${quoted} matches empty text, so it would match everywhere` };
  return { ok: true, regex };
}

/** Runs a user pattern on at most USER_PATTERN_INPUT_LIMIT characters of `text`. */
export function execUserPattern(regex: RegExp, text: string): RegExpExecArray | null {
  regex.lastIndex = 0;
  return regex.exec(text.length > USER_PATTERN_INPUT_LIMIT ? text.slice(0, USER_PATTERN_INPUT_LIMIT) : text);
}

/** Why `source` (already known to be a valid RegExp) could take too long, or undefined if safe. */
export function unsafeReason(source: string): string | undefined {
  if (source.length > MAX_USER_PATTERN_LENGTH) return `longer than ${MAX_USER_PATTERN_LENGTH} characters`;
  let ast: Node[][];
  try {
    ast = new RegexReader(source).readAlternatives();
  } catch (error) {
    if (error instanceof UnsafePattern) return error.message;
    throw error;
  }
  const group: Group = { kind: 'group', alternatives: ast, zeroWidth: false };
  return checkNode(group) ?? checkWildcards(group);
}

// ---------------------------------------------------------------------------------------------
// A small reader for the JavaScript regular expression syntax, just enough to see the structure:
// character sets, groups, alternatives, quantifiers. It runs only on patterns RegExp accepted.

/** An over-approximation of the characters something can match; `any` when unknown or wide. */
interface CharSet {
  any: boolean;
  chars: Set<string>;
  classes: Set<'d' | 'w' | 's'>;
}

interface SetNode {
  kind: 'set';
  set: CharSet;
}
interface Assertion {
  kind: 'assert';
}
interface Group {
  kind: 'group';
  alternatives: Node[][];
  /** Lookarounds match no characters. */
  zeroWidth: boolean;
}
interface Repeat {
  kind: 'repeat';
  node: Node;
  min: number;
  max: number;
}
type Node = SetNode | Assertion | Group | Repeat;

class UnsafePattern extends Error {}

const BIG_REPEAT = 10;

function emptySet(): CharSet {
  return { any: false, chars: new Set(), classes: new Set() };
}
function anySet(): CharSet {
  return { any: true, chars: new Set(), classes: new Set() };
}
function charSet(ch: string): CharSet {
  const set = emptySet();
  set.chars.add(ch.toLowerCase());
  return set;
}
function classSet(cls: 'd' | 'w' | 's'): CharSet {
  const set = emptySet();
  set.classes.add(cls);
  return set;
}

class RegexReader {
  private pos = 0;

  constructor(private readonly source: string) {}

  readAlternatives(): Node[][] {
    const alternatives: Node[][] = [[]];
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos];
      if (ch === ')') break;
      if (ch === '|') {
        this.pos++;
        alternatives.push([]);
        continue;
      }
      const atom = this.readAtom();
      alternatives[alternatives.length - 1].push(this.readQuantifier(atom));
    }
    return alternatives;
  }

  private readAtom(): Node {
    const ch = this.source[this.pos++];
    switch (ch) {
      case '(':
        return this.readGroup();
      case '[':
        return { kind: 'set', set: this.readClass() };
      case '.':
        return { kind: 'set', set: anySet() };
      case '^':
      case '$':
        return { kind: 'assert' };
      case '\\':
        return this.readEscape();
      default:
        return { kind: 'set', set: charSet(ch) };
    }
  }

  private readGroup(): Group {
    let zeroWidth = false;
    if (this.source[this.pos] === '?') {
      const rest = this.source.slice(this.pos, this.pos + 4);
      if (rest.startsWith('?:')) {
        this.pos += 2;
      } else if (rest.startsWith('?=') || rest.startsWith('?!')) {
        this.pos += 2;
        zeroWidth = true;
      } else if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
        this.pos += 3;
        zeroWidth = true;
      } else if (rest.startsWith('?<')) {
        this.pos = this.source.indexOf('>', this.pos) + 1;
      }
    }
    const alternatives = this.readAlternatives();
    this.pos++; // ')'
    return { kind: 'group', alternatives, zeroWidth };
  }

  private readEscape(): Node {
    const ch = this.source[this.pos++] ?? '\\';
    if (/[1-9]/.test(ch) || (ch === 'k' && this.source[this.pos] === '<')) {
      throw new UnsafePattern('backreferences can take exponential time; match the text itself instead');
    }
    switch (ch) {
      case 'd':
      case 'w':
      case 's':
        return { kind: 'set', set: classSet(ch) };
      case 'D':
      case 'W':
      case 'S':
        return { kind: 'set', set: anySet() };
      case 'b':
      case 'B':
        return { kind: 'assert' };
      case 'x':
        return this.hexChar(2);
      case 'u':
        return this.hexChar(4);
      case 'c':
        this.pos++;
        return { kind: 'set', set: anySet() };
      case 'p':
      case 'P':
        this.skipProperty();
        return { kind: 'set', set: anySet() };
      default:
        return { kind: 'set', set: charSet(ESCAPED_CHARS[ch] ?? ch) };
    }
  }

  private hexChar(length: number): SetNode {
    const hex = this.source.slice(this.pos, this.pos + length);
    if (/^[0-9a-fA-F]+$/.test(hex) && hex.length === length) {
      this.pos += length;
      return { kind: 'set', set: charSet(String.fromCharCode(parseInt(hex, 16))) };
    }
    return { kind: 'set', set: anySet() };
  }

  private skipProperty(): void {
    if (this.source[this.pos] === '{') this.pos = this.source.indexOf('}', this.pos) + 1;
  }

  private readClass(): CharSet {
    const set = emptySet();
    let negated = false;
    if (this.source[this.pos] === '^') {
      negated = true;
      this.pos++;
    }
    let previous: string | undefined;
    while (this.pos < this.source.length && this.source[this.pos] !== ']') {
      let ch = this.source[this.pos++];
      if (ch === '\\') {
        const escaped = this.source[this.pos++] ?? '\\';
        if (escaped === 'd' || escaped === 'w' || escaped === 's') {
          set.classes.add(escaped);
          previous = undefined;
          continue;
        }
        if ('DWSpP'.includes(escaped)) {
          set.any = true;
          if (escaped === 'p' || escaped === 'P') this.skipProperty();
          previous = undefined;
          continue;
        }
        ch = ESCAPED_CHARS[escaped] ?? escaped;
      } else if (ch === '-' && previous !== undefined && this.source[this.pos] !== ']' && this.pos < this.source.length) {
        let to = this.source[this.pos++];
        if (to === '\\') to = this.source[this.pos++] ?? '\\';
        addRange(set, previous, to);
        previous = undefined;
        continue;
      }
      set.chars.add(ch.toLowerCase());
      previous = ch;
    }
    this.pos++; // ']'
    // A negated class matches nearly everything: treat it as a wildcard.
    return negated ? anySet() : set;
  }

  private readQuantifier(atom: Node): Node {
    const ch = this.source[this.pos];
    const simple = ch === undefined ? undefined : SIMPLE_QUANTIFIERS[ch];
    let min: number;
    let max: number;
    if (simple) {
      [min, max] = simple;
      this.pos++;
    } else if (ch === '{') {
      const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.pos));
      // Without the `u` flag a `{` that is not a quantifier is a literal character.
      if (!braces) return atom;
      min = Number(braces[1]);
      max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
      this.pos += braces[0].length;
    } else {
      return atom;
    }
    if (this.source[this.pos] === '?') this.pos++; // lazy: same cost in the worst case
    return { kind: 'repeat', node: atom, min, max };
  }
}

const SIMPLE_QUANTIFIERS: Record<string, [min: number, max: number]> = { '*': [0, Infinity], '+': [1, Infinity], '?': [0, 1] };

const ESCAPED_CHARS: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };

function addRange(set: CharSet, from: string, to: string): void {
  const start = from.charCodeAt(0);
  const end = to.charCodeAt(0);
  if (end - start > 256) {
    set.any = true;
    return;
  }
  for (let code = start; code <= end; code++) set.chars.add(String.fromCharCode(code).toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// The checks.

function nullable(node: Node): boolean {
  switch (node.kind) {
    case 'set':
      return false;
    case 'assert':
      return true;
    case 'group':
      return node.zeroWidth || node.alternatives.some((alternative) => alternative.every(nullable));
    case 'repeat':
      return node.min === 0 || nullable(node.node);
  }
}

/** The characters `node` can start with. */
function firstSet(node: Node): CharSet {
  switch (node.kind) {
    case 'set':
      return node.set;
    case 'assert':
      return emptySet();
    case 'group':
      return node.zeroWidth ? emptySet() : union(node.alternatives.map(sequenceFirstSet));
    case 'repeat':
      return firstSet(node.node);
  }
}

function sequenceFirstSet(sequence: Node[]): CharSet {
  const sets: CharSet[] = [];
  for (const node of sequence) {
    sets.push(firstSet(node));
    if (!nullable(node)) break;
  }
  return union(sets);
}

/** Every character `node` can match anywhere (for wildcards and side-by-side repeats). */
function allChars(node: Node): CharSet {
  switch (node.kind) {
    case 'set':
      return node.set;
    case 'assert':
      return emptySet();
    case 'group':
      return node.zeroWidth ? emptySet() : union(node.alternatives.flat().map(allChars));
    case 'repeat':
      return allChars(node.node);
  }
}

function union(sets: CharSet[]): CharSet {
  const result = emptySet();
  for (const set of sets) {
    result.any ||= set.any;
    for (const ch of set.chars) result.chars.add(ch);
    for (const cls of set.classes) result.classes.add(cls);
  }
  return result;
}

const CLASS_TEST: Record<'d' | 'w' | 's', RegExp> = { d: /\d/, w: /\w/, s: /\s/ };

function overlaps(a: CharSet, b: CharSet): boolean {
  if (a.any || b.any) return !isEmpty(a) && !isEmpty(b);
  for (const ch of a.chars) if (b.chars.has(ch) || [...b.classes].some((cls) => CLASS_TEST[cls].test(ch))) return true;
  for (const ch of b.chars) if ([...a.classes].some((cls) => CLASS_TEST[cls].test(ch))) return true;
  for (const x of a.classes) {
    for (const y of b.classes) {
      // \d is inside \w; \s shares nothing with either.
      if (x === y || (x !== 's' && y !== 's')) return true;
    }
  }
  return false;
}

function isEmpty(set: CharSet): boolean {
  return !set.any && set.chars.size === 0 && set.classes.size === 0;
}

function repeatsInside(node: Node, predicate: (repeat: Repeat) => boolean): boolean {
  switch (node.kind) {
    case 'repeat':
      return predicate(node) || repeatsInside(node.node, predicate);
    case 'group':
      return node.alternatives.some((alternative) => alternative.some((child) => repeatsInside(child, predicate)));
    default:
      return false;
  }
}

function checkNode(node: Node): string | undefined {
  if (node.kind === 'repeat') {
    const reason = checkRepeat(node);
    if (reason) return reason;
    return checkNode(node.node);
  }
  if (node.kind === 'group') {
    for (const alternative of node.alternatives) {
      const reason = checkSequence(alternative) ?? alternative.map(checkNode).find((r) => r !== undefined);
      if (reason) return reason;
    }
  }
  return undefined;
}

function checkRepeat(repeat: Repeat): string | undefined {
  if (repeat.max <= 1) return undefined;
  // A repeat over a body of variable length can split the same run of text in many ways: (a+){3}
  // in n^3 ways, (a+)+ and (a?.)+ in 2^n. Only small bounded products, like (?:\d{1,3}\.){3}, are
  // harmless. (Alternatives of different lengths are judged below, by their first characters.)
  const nested = repeatsInside(
    repeat.node,
    (inner) => inner.max > inner.min && (repeat.max > BIG_REPEAT || inner.max === Infinity || repeat.max * inner.max > BIG_REPEAT),
  );
  if (nested) return 'nested quantifiers (like "(a+)+") can take exponential time on some text; quantify only the innermost part';
  if (repeat.max <= BIG_REPEAT) return undefined;
  if (nullable(repeat.node)) return 'a repeated part that can match empty text (like "(a?)+") can take exponential time; make it match at least one character';
  const inner = repeat.node;
  if (inner.kind === 'group' && inner.alternatives.length > 1) {
    const firsts = inner.alternatives.map(sequenceFirstSet);
    for (let i = 0; i < firsts.length; i++) {
      for (let j = i + 1; j < firsts.length; j++) {
        if (overlaps(firsts[i], firsts[j])) {
          return 'a repeated group whose alternatives can start with the same character (like "(a|ab)+") can take exponential time; make the alternatives distinct';
        }
      }
    }
  }
  return undefined;
}

/**
 * Two repeats "in touch" over overlapping characters, one of them unbounded (`\\s*\\s*`,
 * `\\d+\\d{1,30}`, `.{2,}a+`, `\\w+x\\w+`): every way of splitting a run between them is tried, on
 * top of every start position. Repeats are in touch when everything between them is optional or
 * can match the first one's characters; groups do not separate them.
 */
interface OpenRepeat {
  chars: CharSet;
  unbounded: boolean;
}

class TouchingRepeats extends Error {}

function checkSequence(sequence: Node[]): string | undefined {
  try {
    walkTouching(sequence, []);
    return undefined;
  } catch (error) {
    if (error instanceof TouchingRepeats) {
      return 'two quantifiers over the same characters with nothing that tells them apart (like "\\s*\\s*" or ".+a+") can take polynomial time; merge them or put a distinct character between them';
    }
    throw error;
  }
}

/** The repeats still in touch after `sequence`, given those in touch before it. */
function walkTouching(sequence: Node[], open: OpenRepeat[]): OpenRepeat[] {
  let current = open;
  for (const node of sequence) current = walkNode(node, current);
  return current;
}

function walkNode(node: Node, open: OpenRepeat[]): OpenRepeat[] {
  switch (node.kind) {
    case 'assert':
      return open;
    case 'set':
      // A required character the open repeats cannot match separates them from what follows.
      return open.filter((repeat) => overlaps(repeat.chars, node.set));
    case 'group': {
      if (node.zeroWidth) return open;
      const after = node.alternatives.flatMap((alternative) => walkTouching(alternative, open));
      return after;
    }
    case 'repeat': {
      if (node.max <= 1) {
        const inner = walkNode(node.node, open);
        return node.min === 0 ? [...open, ...inner] : inner;
      }
      const repeat: OpenRepeat = { chars: allChars(node.node), unbounded: node.max === Infinity };
      for (const other of open) {
        if ((other.unbounded || repeat.unbounded) && overlaps(other.chars, repeat.chars)) throw new TouchingRepeats();
      }
      const kept = nullable(node) ? open : open.filter((other) => overlaps(other.chars, repeat.chars));
      return [...kept, repeat];
    }
  }
}

function checkWildcards(root: Node): string | undefined {
  let wildcards = 0;
  repeatsInside(root, (repeat) => {
    if (repeat.max === Infinity && allChars(repeat.node).any) wildcards++;
    return false;
  });
  return wildcards > 1 ? 'more than one unbounded wildcard (like ".*" or "[^x]+") multiplies the matching time by the text length for each one; use at most one' : undefined;
}

/** `text` as a pattern that matches exactly that text. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
