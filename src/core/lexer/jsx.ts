import type { CompiledSpec } from './compile';
import { isAsciiLetter, isSpace, isWordChar, MAX_DEPTH, Tok, type LexContext, type Stop } from './context';

const BRACES: Stop = { open: 123, close: 125, newline: false };

/**
 * A JSX element at `i` (a `<` where an expression starts). Text and attribute strings are masked;
 * `{...}` holds code (so `{/* TODO *\/}` is a comment). Returns the index after the element, or -1
 * (with everything it recorded undone) when the `<` turns out not to start one.
 */
export function tryJsx(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  const n = text.charCodeAt(i + 1);
  if (n !== 62 && !(isAsciiLetter(n) || n === 95 || n === 36)) return -1;
  if (n !== 62 && looksLikeTypeParameters(text, i + 1, end)) return -1;
  const comments = ctx.comments.length;
  const masks = ctx.masks.length;
  const lastMaskEnd = masks > 0 ? ctx.masks[masks - 1] : 0;
  const lineStart = ctx.lineStart;
  const j = element(ctx, cs, i, end);
  if (j >= 0) {
    ctx.lastKind = Tok.Operand;
    return j;
  }
  ctx.comments.length = comments;
  ctx.masks.length = masks;
  if (masks > 0) ctx.masks[masks - 1] = lastMaskEnd;
  ctx.lineStart = lineStart;
  ctx.pending = [];
  // Once a `<` failed to be JSX, trying again could rescan the rest of the file each time.
  ctx.jsxDisabled = true;
  return -1;
}

/** TypeScript in .tsx: `<T,>(x) => ...` and `<T extends U>(x) => ...` are type parameters. */
function looksLikeTypeParameters(text: string, at: number, end: number): boolean {
  let j = at;
  while (j < end && isWordChar(text.charCodeAt(j))) j++;
  let k = j;
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  if (text.charCodeAt(k) === 44) return true;
  return k > j && text.startsWith('extends', k) && !isWordChar(text.charCodeAt(k + 7)) && text.charCodeAt(k + 7) !== 61;
}

function isNameChar(c: number): boolean {
  return isWordChar(c) || c === 45 || c === 46 || c === 58 || c === 36;
}

function element(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  if (ctx.depth >= MAX_DEPTH) return -1;
  ctx.depth++;
  const j = elementBody(ctx, cs, i, end);
  ctx.depth--;
  return j;
}

function expression(ctx: LexContext, cs: CompiledSpec, j: number, end: number): number {
  ctx.lastKind = Tok.None;
  const k = ctx.scanCode(ctx, cs, j, end, BRACES);
  return k < end && ctx.text.charCodeAt(k) === 125 ? k + 1 : -1;
}

function elementBody(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  const mask = !cs.keepStrings;
  let j = i + 1;
  if (text.charCodeAt(j) === 62) {
    j++;
  } else {
    while (j < end && isNameChar(text.charCodeAt(j))) j++;
    for (;;) {
      while (j < end && (isSpace(text.charCodeAt(j)) || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13)) j++;
      if (j >= end) return -1;
      const c = text.charCodeAt(j);
      if (c === 47) return text.charCodeAt(j + 1) === 62 ? j + 2 : -1; // />
      if (c === 62) {
        j++;
        break;
      }
      if (c === 123) {
        j = expression(ctx, cs, j + 1, end);
        if (j < 0) return -1;
      } else if (c === 34 || c === 39) {
        const k = text.indexOf(c === 34 ? '"' : "'", j + 1);
        if (k < 0 || k >= end) return -1;
        if (mask) ctx.mask(j + 1, k);
        j = k + 1;
      } else if (c === 61) {
        j++;
      } else if (c === 60) {
        j = element(ctx, cs, j, end);
        if (j < 0) return -1;
      } else if (isNameChar(c)) {
        while (j < end && isNameChar(text.charCodeAt(j))) j++;
      } else {
        return -1;
      }
    }
  }
  // Children: text, {expressions} and elements, up to the closing tag.
  let textStart = j;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 123) {
      if (mask) ctx.mask(textStart, j);
      j = expression(ctx, cs, j + 1, end);
      if (j < 0) return -1;
      textStart = j;
    } else if (c === 60) {
      if (mask) ctx.mask(textStart, j);
      if (text.charCodeAt(j + 1) === 47) {
        const k = text.indexOf('>', j + 2);
        return k < 0 || k >= end ? -1 : k + 1;
      }
      j = element(ctx, cs, j, end);
      if (j < 0) return -1;
      textStart = j;
    } else {
      j++;
    }
  }
  return -1;
}
