import type { CommentToken } from '../../lexer/types';

/**
 * A comment as the comment rules see it: one block comment or docstring, or a run of line
 * comments on consecutive lines, with the delimiters and decoration (`*` gutters, `///`, `#'`...)
 * stripped. `text` keeps one line per source line so a note can be mapped back to the document.
 */
export interface CommentText {
  /** Cleaned lines joined by '\n'. */
  text: string;
  /** Per line of `text`: where it starts in `text` and in the document. */
  lines: Array<{ at: number; offset: number }>;
}

/**
 * Leading decoration left inside the content: gutters of block comments (`*`), doc-comment
 * leftovers (`///`, `//!`, `/**`), repeated delimiters (`##`, `;;;`, `---`, `%%`), Haddock `|`/`^`
 * and R roxygen `'`. Only when followed by a space or the end, so `#123` and `*bold*` survive.
 */
const DECORATION = /^[ \t]*(?:'(?=[ \t]|$))?(?:[ \t]*(?:[*/!;%|^#]+|-+)(?=[ \t]|$))*[ \t]*/;
const TRAILING = /[ \t]*\**[ \t]*\r?$/;

/**
 * Groups comments into comments as rules.md counts them: `[from, to)` index ranges into `comments`.
 * Offsets only: no text is copied for the (many) comments that hold no trigger.
 */
export function commentGroups(text: string, comments: readonly CommentToken[]): Array<[from: number, to: number]> {
  const groups: Array<[number, number]> = [];
  let from = 0;
  for (let i = 1; i <= comments.length; i++) {
    if (i < comments.length && continuesRun(text, comments[i - 1], comments[i])) continue;
    if (i > from) groups.push([from, i]);
    from = i;
  }
  return groups;
}

/** Two line comments with only blank space and exactly one line break between them. */
function continuesRun(text: string, previous: CommentToken, next: CommentToken): boolean {
  if (previous.kind !== 'line' || next.kind !== 'line') return false;
  let breaks = 0;
  for (let i = previous.end; i < next.start; i++) {
    const c = text.charCodeAt(i);
    // A line ends at \n, \r\n or a lone \r (old Mac files), as LineIndex counts lines.
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) breaks++;
    else if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return breaks === 1;
}

/** The cleaned text of the comments `[from, to)` (one group). */
export function commentText(text: string, comments: readonly CommentToken[], from: number, to: number): CommentText {
  const result: CommentText = { text: '', lines: [] };
  for (let i = from; i < to; i++) appendContent(result, text, comments[i]);
  return result;
}

/** All comments of a document, grouped and cleaned (tests and tools; the engine filters first). */
export function commentTexts(text: string, comments: readonly CommentToken[]): CommentText[] {
  return commentGroups(text, comments).map(([from, to]) => commentText(text, comments, from, to));
}

function appendContent(target: CommentText, text: string, comment: CommentToken): void {
  const trailingStars = comment.kind !== 'line';
  let offset = comment.contentStart;
  const end = comment.contentEnd;
  // Lone \r line ends are rare: a comment without any \r is split at line feeds only.
  // (Looked for within the comment only: a search to the end of the text, once per comment, would be quadratic.)
  const loneCrs = lineBreakAt(text, offset, end, true) !== -1;
  while (offset <= end) {
    let lineEnd = loneCrs ? lineBreakAt(text, offset, end) : text.indexOf('\n', offset);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const raw = text.slice(offset, lineEnd);
    const lead = DECORATION.exec(raw)?.[0].length ?? 0;
    let body = raw.slice(lead);
    // A closing `**/` leaves stars at the end of the last line only.
    body = trailingStars && lineEnd === end ? body.replace(TRAILING, '') : body.replace(/[ \t\r]+$/, '');
    if (target.lines.length > 0) target.text += '\n';
    target.lines.push({ at: target.text.length, offset: offset + lead });
    target.text += body;
    offset = lineEnd + 1;
  }
}

/**
 * The first \n or lone \r at or after `from` and before `end`, or -1 (a \r\n ends at its \n, as
 * before); with `loneCrOnly`, the first lone \r.
 */
function lineBreakAt(text: string, from: number, end: number, loneCrOnly = false): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 10 && !loneCrOnly) || (c === 13 && text.charCodeAt(i + 1) !== 10)) return i;
  }
  return -1;
}

/** Document offset of an offset into `comment.text`. */
export function documentOffset(comment: CommentText, at: number): number {
  const lines = comment.lines;
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].at <= at) lo = mid;
    else hi = mid - 1;
  }
  return lines[lo].offset + (at - lines[lo].at);
}
