import { closedBlock } from './comments';
import type { LexContext } from './context';

/**
 * Markdown: prose, so everything is masked; the only comments are `<!-- -->` outside code (fenced
 * blocks and inline code spans show comment syntax, they do not contain comments).
 */
export function lexMarkdown(ctx: LexContext, start: number, end: number): void {
  const text = ctx.text;
  let i = start;
  let seg = start;
  let lineStart = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      i++;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      let k = i;
      while (k < end && k - i < 4 && text.charCodeAt(k) === 32) k++;
      const f = text.charCodeAt(k);
      if ((f === 96 || f === 126) && k - i < 4) {
        const after = fence(text, k, end);
        if (after >= 0) {
          i = after;
          continue;
        }
      }
    }
    if (c === 96) {
      i = codeSpan(text, i, end);
      continue;
    }
    if (c === 60 && text.startsWith('<!--', i)) {
      ctx.mask(seg, i);
      i = closedBlock(ctx, i, i + 4, '-->', end);
      seg = i;
      continue;
    }
    i++;
  }
  ctx.mask(seg, end);
}

function runLength(text: string, at: number, ch: number, end: number): number {
  let j = at;
  while (j < end && text.charCodeAt(j) === ch) j++;
  return j - at;
}

/** A fenced code block opening at `k`: returns the end of its closing line (or `end`), or -1. */
function fence(text: string, k: number, end: number): number {
  const ch = text.charCodeAt(k);
  const n = runLength(text, k, ch, end);
  if (n < 3) return -1;
  let line = text.indexOf('\n', k);
  while (line >= 0 && line < end) {
    let s = line + 1;
    while (s < end && s - line - 1 < 4 && text.charCodeAt(s) === 32) s++;
    if (text.charCodeAt(s) === ch && runLength(text, s, ch, end) >= n) {
      const eol = text.indexOf('\n', s);
      return eol < 0 || eol > end ? end : eol;
    }
    line = text.indexOf('\n', line + 1);
  }
  return end;
}

/** An inline code span from the backtick run at `i`, closed by a run of the same length in the same paragraph. */
function codeSpan(text: string, i: number, end: number): number {
  const n = runLength(text, i, 96, end);
  let j = i + n;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 96) {
      const m = runLength(text, j, 96, end);
      if (m === n) return j + m;
      j += m;
      continue;
    }
    if (c === 10) {
      let k = j + 1;
      while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k++;
      if (k >= end || text.charCodeAt(k) === 10) break; // blank line: the paragraph ended
    }
    j++;
  }
  return i + n;
}
