import { lex } from '../lexer';
import { yamlBlockAt } from '../lexer/yamlScript';
import { LineIndex } from '../rules/lineIndex';
import type { LanguageSpec } from '../lexer/types';
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
export function ignoreEdit(
  lines: readonly string[],
  line: number,
  ruleId: RuleId,
  reason: string,
  syntax: CommentSyntax,
  options: { insideComment?: boolean } = {},
): IgnoreEdit | null {
  const directive = `qa-lens-ignore ${ruleId} -- ${cleanInput(reason)}`;
  const target = lines[line] ?? '';
  if (options.insideComment) {
    // The line is inside a comment that began above it: the ignore becomes a line of that comment,
    // after the same margin (` * `). A comment of its own there would be nested, and in HTML or CSS
    // its closer ends the outer comment, leaving the rest of it as page text or broken CSS.
    const margin = /^[ \t]*(?:\*+[ \t]*)?/.exec(target)?.[0] ?? '';
    return { line, column: 0, text: `${margin}${directive}\n` };
  }
  const comment = wrap(syntax, directive);
  if (comment === null) return null;
  const above = line > 0 ? (lines[line - 1] ?? '') : '';
  if (NEXT_LINE_DIRECTIVE.test(above)) {
    return { line, column: target.trimEnd().length, text: `  ${comment}` };
  }
  const indent = /^[ \t]*/.exec(target)?.[0] ?? '';
  return { line, column: 0, text: `${indent}${comment}\n` };
}

/**
 * `ignoreEdit` for a document's text (`\n` or `\r\n` lines), told whether the finding's line
 * starts inside a comment that began on an earlier line, as the lexer reads it.
 */
export function ignoreEditForText(text: string, line: number, ruleId: RuleId, reason: string, language: LanguageSpec): IgnoreEdit | null {
  const lineStart = startOfLine(text, line);
  const insideComment = lex(text, language).comments.some((comment) => comment.start < lineStart && comment.end > lineStart);
  return ignoreEdit(text.split(/\r?\n/), line, ruleId, reason, language, { insideComment });
}

/**
 * Why no ignore can be written for the finding on `line` (0-based), or undefined when one can. In
 * a YAML block that is a value (`with: script: |` of actions/github-script, `description: |`) a
 * comment line would be part of the value: JavaScript the workflow runs, or text. It would break
 * the one and silence nothing in either. (A shell script block takes it as a comment: that works.)
 */
export function ignoreRefusal(text: string, line: number, language: LanguageSpec): string | undefined {
  if (language.yamlBlockScalars !== true || yamlBlockAt(text, startOfLine(text, line)) !== 'value') return undefined;
  return (
    'the finding is inside a YAML block value (`key: |`), where a comment line would become part of the value ' +
    '(in a workflow, text of the script it runs) and silence nothing. Move the code to a file of its own, or change ' +
    "the rule's severity in .quality/config.json."
  );
}

/** The offset where 0-based `line` starts (the last line's start past the end). */
function startOfLine(text: string, line: number): number {
  const lines = new LineIndex(text);
  return lines.lineStart(Math.min(line, lines.lineCount - 1));
}
