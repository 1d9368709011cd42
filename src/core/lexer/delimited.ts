import type { CompiledSpec } from './compile';
import { isAsciiLetter, isDigit, isSpace, isWordChar, type LexContext } from './context';

/**
 * Literals with a delimiter of the writer's choice: Ruby `%w(...)`, Perl `qw{...}` / `s/a/b/`,
 * Elixir `~r/.../`. Bracket delimiters nest; any other character closes itself.
 */

function closerOf(open: number): number {
  switch (open) {
    case 40:
      return 41; // ( )
    case 91:
      return 93; // [ ]
    case 123:
      return 125; // { }
    case 60:
      return 62; // < >
    default:
      return open;
  }
}

/** The body from the delimiter at `i`: masks it and returns the index after the closing delimiter. */
function delimitedBody(ctx: LexContext, cs: CompiledSpec, i: number, end: number, escapes = true): number {
  const text = ctx.text;
  const open = text.charCodeAt(i);
  const close = closerOf(open);
  const nests = close !== open;
  let depth = 1;
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 92 && escapes) {
      j += 2;
      continue;
    }
    if (c === close) {
      depth--;
      if (depth === 0) break;
    } else if (nests && c === open) {
      depth++;
    }
    j++;
  }
  if (j > end) j = end;
  if (!cs.keepStrings) ctx.mask(i + 1, j);
  ctx.advanceLineStart(i, j);
  return j < end ? j + 1 : end;
}

function validDelimiter(c: number): boolean {
  return !(isWordChar(c) || isSpace(c) || c === 10 || c === 13 || Number.isNaN(c));
}

/** Ruby `%w(...)`, `%q{...}`, `%r|...|`, `%(...)`. `i` is at `%`. */
export function rubyPercent(ctx: LexContext, cs: CompiledSpec, i: number, end: number, expressionStart: boolean): number {
  const text = ctx.text;
  const c1 = text.charCodeAt(i + 1);
  if ('qQwWiIrsx'.includes(text[i + 1] ?? ' ')) {
    const d = text.charCodeAt(i + 2);
    if (!validDelimiter(d) || d === 61) return -1;
    return skipFlags(text, delimitedBody(ctx, cs, i + 2, end), end);
  }
  // Bare `%(...)` only where an expression starts, or `a % (b)` would be a string.
  if (!expressionStart || !'([{<|!/^'.includes(text[i + 1] ?? ' ') || Number.isNaN(c1)) return -1;
  return delimitedBody(ctx, cs, i + 1, end);
}

const PERL_QUOTES: Record<string, number> = { q: 1, qq: 1, qw: 1, qr: 1, m: 1, s: 2, tr: 2, y: 2 };

/** Perl quote-like operators; `word` was just read and `j` is after it. */
export function perlQuote(ctx: LexContext, cs: CompiledSpec, word: string, wordStart: number, j: number, end: number): number {
  const parts = PERL_QUOTES[word];
  if (!parts) return -1;
  const text = ctx.text;
  const before = wordStart > 0 ? text.charCodeAt(wordStart - 1) : 32;
  // `$s`, `@m`, `->y`, `{q}` are variables, methods and hash keys.
  if (before === 36 || before === 64 || before === 37 || before === 38 || before === 62 || before === 123) return -1;
  let k = j;
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  const d = text.charCodeAt(k);
  if (!validDelimiter(d) || d === 61 || d === 44 || d === 59 || d === 41 || d === 125 || d === 93 || d === 62) return -1;
  if (k > j && d === 35) return -1; // `q #` is q followed by a comment
  let after = delimitedBody(ctx, cs, k, end);
  if (parts === 2 && after < end) {
    if (closerOf(d) !== d) {
      let m = after;
      while (m < end && (isSpace(text.charCodeAt(m)) || text.charCodeAt(m) === 10 || text.charCodeAt(m) === 13)) m++;
      if (m < end && validDelimiter(text.charCodeAt(m))) after = delimitedBody(ctx, cs, m, end);
    } else {
      after = delimitedBody(ctx, cs, after - 1, end);
    }
  }
  return skipFlags(text, after, end);
}

/** Elixir sigils `~r/.../i`, `~s(...)`, `~S"""..."""`, `~w[...]a`. `i` is at `~`. */
export function elixirSigil(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  let j = i + 1;
  if (!isAsciiLetter(text.charCodeAt(j))) return -1;
  while (j < end && (isAsciiLetter(text.charCodeAt(j)) || isDigit(text.charCodeAt(j)))) j++;
  const d = text.charCodeAt(j);
  const lower = text.charCodeAt(i + 1) >= 97;
  if (d === 34 || d === 39) {
    const triple = text.startsWith(d === 34 ? '"""' : "'''", j);
    if (triple) {
      const close = text.slice(j, j + 3);
      let k = text.indexOf(close, j + 3);
      if (k < 0 || k > end) k = end;
      if (!cs.keepStrings) ctx.mask(j + 3, k);
      ctx.advanceLineStart(j, k);
      return skipFlags(text, Math.min(end, k + 3), end);
    }
  }
  if (!'/|"\'([{<'.includes(text[j] ?? ' ')) return -1;
  return skipFlags(text, delimitedBody(ctx, cs, j, end, lower), end);
}

/** `?a` (Elixir, Ruby), `$a` (Erlang), `\a` / `\newline` (Clojure) at `i`. */
export function charWithPrefix(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  const prefix = text.charCodeAt(i);
  if (i + 1 >= end) return -1;
  if (prefix === 63 && i > 0 && isWordChar(text.charCodeAt(i - 1))) return -1; // `empty?`
  let j = i + 1;
  const c = text.charCodeAt(j);
  if (c === 10 || c === 13) return -1;
  if (c === 92 && prefix !== 92) j += 2;
  else if (c >= 0xd800 && c <= 0xdbff) j += 2;
  else j += 1;
  // Clojure names characters with words: `\newline`, `\space`, `\u00e9`.
  if (prefix === 92 && isAsciiLetter(c)) while (j < end && isWordChar(text.charCodeAt(j))) j++;
  if (!cs.keepStrings) ctx.mask(i + 1, Math.min(j, end));
  return Math.min(j, end);
}

function skipFlags(text: string, j: number, end: number): number {
  while (j < end && isAsciiLetter(text.charCodeAt(j))) j++;
  return j;
}
