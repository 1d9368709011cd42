import type { RuleId } from '../rules/ids';
import { cleanInput } from './lineEdit';

/** The comment syntax of a language, as its LanguageSpec describes it. */
export interface CommentSyntax {
  lineComments?: readonly string[];
  blockComments?: ReadonlyArray<readonly [string, string]>;
}

/** An insertion at a line start or a line end (`line` 0-based, `column` UTF-16). */
export interface IgnoreEdit {
  line: number;
  column: number;
  text: string;
}

/** Directives that act on the next line: an ignore put between them and their line would break them. */
const NEXT_LINE_DIRECTIVE = /eslint-disable-next-line|@ts-ignore|@ts-expect-error|pylint:\s*disable-next|NOLINTNEXTLINE|noinspection|rubocop:disable/;

function wrap(syntax: CommentSyntax, body: string): string | null {
  const line = syntax.lineComments?.[0];
  if (line) return `${line} ${body}`;
  const block = syntax.blockComments?.[0];
  if (block) return `${block[0]} ${body} ${block[1]}`;
  return null;
}

/**
 * `qa-lens-ignore <rule> -- <reason>` for the finding on `line`: a comment of its own on the line
 * above, indented like the line, or at the end of the line when the line above holds a directive
 * that acts on the next line. Null when the language has no comments.
 */
export function ignoreEdit(lines: readonly string[], line: number, ruleId: RuleId, reason: string, syntax: CommentSyntax): IgnoreEdit | null {
  const comment = wrap(syntax, `qa-lens-ignore ${ruleId} -- ${cleanInput(reason)}`);
  if (comment === null) return null;
  const target = lines[line] ?? '';
  const above = line > 0 ? (lines[line - 1] ?? '') : '';
  if (NEXT_LINE_DIRECTIVE.test(above)) {
    return { line, column: target.trimEnd().length, text: `  ${comment}` };
  }
  const indent = /^[ \t]*/.exec(target)?.[0] ?? '';
  return { line, column: 0, text: `${indent}${comment}\n` };
}
