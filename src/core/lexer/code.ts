import { Cls, type CompiledSpec } from './compile';
import { tryComment, lineComment } from './comments';
import { isSpace, isWordChar, Tok, type LexContext, type Stop } from './context';
import { charWithPrefix, elixirSigil, perlQuote, rubyPercent } from './delimited';
import { consumePending, tryHeredoc, tryYamlBlockScalar } from './heredoc';
import { tryJsx } from './jsx';
import { cppRaw, csharpRaw, dollarQuoted, luaLong, ocamlQuoted, rustRaw, swiftRaw } from './raw';
import { expressionAllowed, scanRegex } from './regex';
import { tryBareString, tryPrefixedString } from './strings';

// Module-level copies: when each file is transpiled alone (tests), an imported enum member is a
// property read through an export getter, which costs a lot per character in the hot loop.
const COMMENT = Cls.Comment;
const SPECIAL = Cls.Special;
const STRING = Cls.String;
const WORD = Cls.Word;
const DIGIT = Cls.Digit;
const WORD_OR_DIGIT = Cls.Word | Cls.Digit;
const OPERAND = Tok.Operand;
const PUNCT = Tok.Punct;
const WORD_TOKEN = Tok.Word;

/**
 * The single left-to-right pass over code. Each character is classified by a 128-entry table;
 * only characters that may start something (a comment, a string, a regex...) leave the fast path.
 * Returns `end`, or the index of `stop.close` (or of the PHP close tag) that ended the region.
 */
export function lexCode(ctx: LexContext, cs: CompiledSpec, start: number, end: number, stop: Stop | null): number {
  const text = ctx.text;
  const cls = cs.cls;
  const closeTagFirst = cs.closeTag && stop === null ? cs.closeTag.charCodeAt(0) : -1;
  let depth = 0;
  let nest = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (stop !== null && stop.newline) return i;
      i = newline(ctx, cs, c, i, end);
      // Only the outermost loop (no stop, no nesting, no heredoc waiting) is at a clean line start.
      if (ctx.onLine !== null && stop === null && ctx.depth === 0 && ctx.pending.length === 0 && i === ctx.lineStart && ctx.onLine(i)) return i;
      continue;
    }
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (stop !== null) {
      if (c === stop.close) {
        if (depth === 0) return i;
        depth--;
      } else if (c === stop.open) {
        depth++;
      } else if (stop.formatSpec === true) {
        if (c === 40 || c === 91) nest++;
        else if ((c === 41 || c === 93) && nest > 0) nest--;
        else if (c === 58 && depth === 0 && nest === 0 && text.charCodeAt(i + 1) !== 61) return i; // `:` but not `:=`
      }
    }
    if (c === closeTagFirst && text.startsWith(cs.closeTag, i)) return i;
    const k = c < 128 ? cls[c] : isSpace(c) ? 0 : WORD;
    if (k & COMMENT) {
      const j = tryComment(ctx, cs, i, end);
      if (j >= 0) {
        i = j;
        continue;
      }
    }
    if (k & SPECIAL) {
      const j = special(ctx, cs, c, i, end);
      if (j >= 0) {
        i = j;
        continue;
      }
    }
    if (k & STRING) {
      const j = tryBareString(ctx, cs, c, i, end);
      if (j >= 0) {
        operand(ctx);
        i = j;
        continue;
      }
    }
    if (k & WORD) {
      i = word(ctx, cs, i, end);
      continue;
    }
    if (k & DIGIT) {
      i = number(ctx, cs, i, end);
      continue;
    }
    if (c >= 128) {
      i++; // a non-ASCII space
      continue;
    }
    punct(ctx, c);
    i++;
  }
  return end;
}

function operand(ctx: LexContext): void {
  ctx.lastKind = OPERAND;
  ctx.lineHasCode = true;
}

function punct(ctx: LexContext, c: number): void {
  ctx.lastKind = PUNCT;
  ctx.lastPunct = c;
  ctx.lineHasCode = true;
  if (c === 40 || c === 91 || c === 123) ctx.bracketDepth++;
  else if ((c === 41 || c === 93 || c === 125) && ctx.bracketDepth > 0) ctx.bracketDepth--;
}

function newline(ctx: LexContext, cs: CompiledSpec, c: number, i: number, end: number): number {
  const text = ctx.text;
  const continued = i > 0 && text.charCodeAt(i - 1) === 92;
  const j = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  if (ctx.bracketDepth === 0 && !continued) ctx.lineHasCode = false;
  ctx.lineStart = j;
  return ctx.pending.length > 0 ? consumePending(ctx, cs, j, end) : j;
}

/** Constructs that start with a punctuation character; -1 when the character is plain punctuation here. */
function special(ctx: LexContext, cs: CompiledSpec, c: number, i: number, end: number): number {
  const spec = cs.spec;
  const text = ctx.text;
  for (const s of cs.codeSequences) {
    if (text.startsWith(s, i)) {
      operand(ctx);
      return i + s.length;
    }
  }
  if (spec.codeEscape !== undefined && c === spec.codeEscape.charCodeAt(0)) {
    const n = text.charCodeAt(i + 1);
    operand(ctx);
    return n === 10 || n === 13 || i + 1 >= end ? i + 1 : i + 2;
  }
  if (spec.charPrefix !== undefined && c === spec.charPrefix.charCodeAt(0)) {
    const j = charWithPrefix(ctx, cs, i, end);
    if (j >= 0) {
      operand(ctx);
      return j;
    }
  }
  let j = -1;
  switch (c) {
    case 47: // /
      if (spec.regex && expressionAllowed(ctx, cs, i)) j = scanRegex(ctx, cs, i, end);
      break;
    case 60: // <
      if (spec.heredoc) j = tryHeredoc(ctx, cs, i, end);
      if (j < 0 && spec.jsx && !ctx.jsxDisabled && expressionAllowed(ctx, cs, i)) j = tryJsx(ctx, cs, i, end);
      break;
    case 37: // %
      if (spec.percentLiterals) j = rubyPercent(ctx, cs, i, end, expressionAllowed(ctx, cs, i));
      break;
    case 126: // ~
      if (spec.sigils) j = elixirSigil(ctx, cs, i, end);
      break;
    case 35: // #
      if (cs.raw.has('swift')) j = swiftRaw(ctx, cs, i, end);
      break;
    case 34: // "
      if (cs.raw.has('csharp')) j = csharpRaw(ctx, cs, i, end);
      break;
    case 36: // $
      if (cs.raw.has('csharp')) j = csharpRaw(ctx, cs, i, end);
      if (j < 0 && cs.raw.has('dollar')) j = dollarQuoted(ctx, cs, i, end);
      break;
    case 91: // [
      if (cs.raw.has('lua')) j = luaLong(ctx, cs, i, end);
      break;
    case 123: // {
      if (cs.raw.has('ocaml')) j = ocamlQuoted(ctx, cs, i, end);
      break;
    case 124: // |
    case 62: // >
      if (spec.yamlBlockScalars) {
        j = tryYamlBlockScalar(ctx, i, end);
        if (j >= 0) {
          punct(ctx, c);
          return j;
        }
      }
      break;
  }
  if (j >= 0) operand(ctx);
  return j;
}

/** An identifier run, and whatever a word may introduce: a prefixed or raw string, `q{}`, `REM`. */
function word(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  const cls = cs.cls;
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c < 128 ? (cls[c] & (WORD_OR_DIGIT)) === 0 : !isWordChar(c)) break;
    j++;
  }
  const len = j - i;
  if (j < end) {
    let r = -1;
    if (len <= cs.maxPrefix) {
      const w = text.slice(i, j);
      if (cs.raw.has('rust')) r = rustRaw(ctx, cs, w, j, end);
      if (r < 0 && cs.raw.has('cpp')) r = cppRaw(ctx, cs, w, j, end);
      if (r < 0) r = tryPrefixedString(ctx, cs, w, i, j, end);
    }
    if (r < 0 && cs.spec.quoteOperators && len <= 2) r = perlQuote(ctx, cs, text.slice(i, j), i, j, end);
    if (r >= 0) {
      operand(ctx);
      return r;
    }
  }
  if (cs.lineCommentWords !== null && len <= cs.maxCommentWord && cs.lineCommentWords.has(text.slice(i, j).toLowerCase())) {
    const n = j < end ? text.charCodeAt(j) : 10;
    const positionOk = cs.spec.lineCommentsAt !== 'lineStart' || ctx.atLineStart(i) || text.charCodeAt(i - 1) === 64;
    if ((n === 10 || n === 13 || isSpace(n)) && positionOk) return lineComment(ctx, cs, i, len, end);
  }
  if (cs.endMarkers !== null && cs.endMarkers.has(text.slice(i, j)) && i === ctx.lineStart) {
    const eol = ctx.lineEnd(j, end);
    if (text.slice(j, eol).trim() === '') {
      if (!cs.keepStrings) ctx.mask(eol, end);
      return end;
    }
  }
  ctx.lastKind = WORD_TOKEN;
  ctx.lastStart = i;
  ctx.lastEnd = j;
  ctx.lineHasCode = true;
  return j;
}

function number(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  const sep = cs.spec.digitSeparator ? cs.spec.digitSeparator.charCodeAt(0) : -1;
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (isWordChar(c)) j++;
    else if (c === 46 && j + 1 < end && text.charCodeAt(j + 1) >= 48 && text.charCodeAt(j + 1) <= 57) j += 2;
    else if (c === sep && j + 1 < end && isWordChar(text.charCodeAt(j + 1))) j += 2;
    else break;
  }
  operand(ctx);
  return j;
}
