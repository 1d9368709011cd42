import { codeExcerpt } from '../hit';
import type { CommentToken } from '../../lexer/types';
import { partitionPoint } from '../../partitionPoint';
import type { LineIndex } from '../lineIndex';
import type { Family } from './families';

/** One document as the code rules see it. */
export interface CodeContext {
  text: string;
  /** `text` with comment and (most) string contents blanked, same length. */
  code: string;
  lines: LineIndex;
  comments: readonly CommentToken[];
  family: Family;
  isTestFile: boolean;
  /**
   * Facts about the whole document when `text` is only a window of it (incremental analysis):
   * a rule that looks at the whole file reads them here instead of its window.
   */
  whole?: DocumentFacts;
}

/** What rules ask of the whole document, computed by `documentFacts`. */
export interface DocumentFacts {
  /** The file mentions JUnit or TestNG (so `@Ignore` / `@Disabled` switch tests off). */
  mentionsJUnit: boolean;
}

const JUNIT = /\b(?:org\.junit|junit\.framework|org\.testng)\b/;

export function documentFacts(text: string): DocumentFacts {
  return { mentionsJUnit: JUNIT.test(text) };
}

/** The line's source text, trimmed (and bounded, see codeExcerpt): the excerpt of a code finding. */
export function lineExcerpt(ctx: CodeContext, offset: number): string {
  const line0 = ctx.lines.lineOf(offset);
  return codeExcerpt(ctx.lines.lineText(line0), offset - ctx.lines.lineStart(line0));
}

/** True when some non-blank character of [start, end) is code (not blanked by the lexer). */
export function touchesCode(ctx: CodeContext, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = ctx.code.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c === ctx.text.charCodeAt(i)) return true;
  }
  return false;
}

/** True when [start, end) holds a comment or other text the lexer blanked (non-space in text). */
export function holdsBlankedText(ctx: CodeContext, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (ctx.code.charCodeAt(i) !== ctx.text.charCodeAt(i)) return true;
  }
  return false;
}

/** Comments that touch a 0-based line (binary search over the ordered comment list). */
export function commentsOnLine(ctx: CodeContext, line0: number): CommentToken[] {
  const lineStart = ctx.lines.lineStart(line0);
  const lineEnd = ctx.lines.lineEnd(line0);
  const comments = ctx.comments;
  const lo = partitionPoint(comments.length, (k) => comments[k].end <= lineStart);
  const found: CommentToken[] = [];
  for (let i = lo; i < comments.length && comments[i].start <= lineEnd; i++) found.push(comments[i]);
  return found;
}

/**
 * Calls `visit` with the offset of each occurrence of `literal` in `haystack`. `indexOf` runs at
 * memory speed, far faster than a regular expression scan; rules then match precisely (sticky
 * expressions, one line) only where their literal occurs.
 */
export function forEachOccurrence(haystack: string, literal: string, visit: (at: number) => void): void {
  for (let at = haystack.indexOf(literal); at !== -1; at = haystack.indexOf(literal, at + literal.length)) visit(at);
}
