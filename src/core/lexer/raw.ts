import type { CompiledSpec } from './compile';
import { isAsciiLetter, isDigit, isWordChar, type LexContext } from './context';
import { longBracketLevel } from './comments';

/**
 * Raw strings whose closing delimiter depends on the opening one. Each returns the index after
 * the literal, or -1 when the text at `i` is not one.
 */

/** Masks the content and returns the index after the closer (or `end` when unterminated). */
function closeBy(ctx: LexContext, cs: CompiledSpec, contentStart: number, close: string, end: number): number {
  let k = ctx.text.indexOf(close, contentStart);
  let after: number;
  if (k < 0 || k + close.length > end) {
    k = end;
    after = end;
  } else {
    after = k + close.length;
  }
  if (!cs.keepStrings) ctx.mask(contentStart, k);
  ctx.advanceLineStart(contentStart, after);
  return after;
}

/** Rust `r"..."`, `r#"..."#`, `br"..."`, `cr##"..."##`: `word` is the prefix just read, `i` is after it. */
export function rustRaw(ctx: LexContext, cs: CompiledSpec, word: string, i: number, end: number): number {
  if (word !== 'r' && word !== 'br' && word !== 'cr') return -1;
  const text = ctx.text;
  let j = i;
  while (j < end && text.charCodeAt(j) === 35) j++;
  if (j >= end || text.charCodeAt(j) !== 34) return -1;
  return closeBy(ctx, cs, j + 1, '"' + '#'.repeat(j - i), end);
}

/** C++ `R"delim(...)delim"` with the encoding prefixes. */
export function cppRaw(ctx: LexContext, cs: CompiledSpec, word: string, i: number, end: number): number {
  if (word !== 'R' && word !== 'u8R' && word !== 'uR' && word !== 'UR' && word !== 'LR') return -1;
  const text = ctx.text;
  if (text.charCodeAt(i) !== 34) return -1;
  const paren = text.indexOf('(', i + 1);
  if (paren < 0 || paren - i - 1 > 16) return -1;
  for (let k = i + 1; k < paren; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 41 || c === 92 || c === 9 || c === 10 || c === 13 || c === 34) return -1;
  }
  return closeBy(ctx, cs, paren + 1, ')' + text.slice(i + 1, paren) + '"', end);
}

/** Swift `#"..."#`, `##"""..."""##` at `i` (the first `#`). */
export function swiftRaw(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  let j = i;
  while (j < end && text.charCodeAt(j) === 35) j++;
  if (text.charCodeAt(j) !== 34) return -1;
  const hashes = '#'.repeat(j - i);
  const quotes = text.startsWith('"""', j) ? '"""' : '"';
  return closeBy(ctx, cs, j + quotes.length, quotes + hashes, end);
}

/** C# raw string literals: `"""..."""` (three or more quotes), optionally after `$`s. */
export function csharpRaw(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  let j = i;
  while (j < end && text.charCodeAt(j) === 36) j++;
  const q = j;
  while (j < end && text.charCodeAt(j) === 34) j++;
  const n = j - q;
  if (n < 3) return -1;
  return closeBy(ctx, cs, j, '"'.repeat(n), end);
}

/** Lua long strings `[[...]]`, `[==[...]==]`. */
export function luaLong(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const level = longBracketLevel(ctx.text, i, end);
  if (level < 0) return -1;
  return closeBy(ctx, cs, i + level + 2, ']' + '='.repeat(level) + ']', end);
}

/** PostgreSQL dollar quoting `$$...$$`, `$body$...$body$` (a tag never starts with a digit: `$1`). */
export function dollarQuoted(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  let j = i + 1;
  if (j < end && isDigit(text.charCodeAt(j))) return -1;
  while (j < end && isWordChar(text.charCodeAt(j))) j++;
  if (j >= end || text.charCodeAt(j) !== 36) return -1;
  if (i > 0 && isWordChar(text.charCodeAt(i - 1))) return -1;
  return closeBy(ctx, cs, j + 1, text.slice(i, j + 1), end);
}

/** OCaml quoted strings `{|...|}`, `{id|...|id}`. */
export function ocamlQuoted(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  let j = i + 1;
  while (j < end && (isAsciiLetter(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
  if (j >= end || text.charCodeAt(j) !== 124 || j - i > 20) return -1;
  return closeBy(ctx, cs, j + 1, '|' + text.slice(i + 1, j) + '}', end);
}
