// The ignore planner as it was before it re-lexed incrementally (src/core/fixes/ignore.ts
// at ec2be2e), kept verbatim apart from the imports as the reference the property test in
// ignorePlan.property.test.ts compares the incremental planner with: every place is tried by lexing
// the whole text again with the ignore written in. Not used by the product.
import { lex } from '../../../src/core/lexer';
import { yamlBlockAt } from '../../../src/core/lexer/yamlScript';
import { LineIndex } from '../../../src/core/rules/lineIndex';
import type { LanguageSpec } from '../../../src/core/lexer/types';
import type { RuleId } from '../../../src/core/rules/ids';
import { cleanInput } from '../../../src/core/fixes/lineEdit';

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
  const above = line > 0 ? (lines[line - 1] ?? '') : '';
  return ignoreEdits(lines[line] ?? '', above, line, ruleId, reason, syntax, options.insideComment ?? false)[0]?.edit ?? null;
}

/** Where an ignore may go, best first: above the line, else at its end (both lines the ignore covers). */
interface Candidate {
  edit: IgnoreEdit;
  /** Length of `qa-lens-ignore <rule> -- <reason>`, which the comment must hold whole. */
  directiveLength: number;
}

/** The candidates for the finding on `line`, whose text is `target` (`above` is the line before it). */
function ignoreEdits(target: string, above: string, line: number, ruleId: RuleId, reason: string, syntax: CommentSyntax, insideComment: boolean): Candidate[] {
  // A trailing backslash would continue a line comment onto the next line (C, C++) and comment it out.
  const directive = `qa-lens-ignore ${ruleId} -- ${cleanInput(reason).replace(/\\+$/, '').trimEnd()}`;
  const candidate = (column: number, text: string): Candidate => ({ edit: { line, column, text }, directiveLength: directive.length });
  if (insideComment) {
    // The line is inside a comment that began above it: the ignore becomes a line of that comment,
    // after the same margin (` * `). A comment of its own there would be nested, and in HTML or CSS
    // its closer ends the outer comment, leaving the rest of it as page text or broken CSS.
    const margin = /^[ \t]*(?:\*+[ \t]*)?/.exec(target)?.[0] ?? '';
    return [candidate(0, `${margin}${directive}\n`)];
  }
  const comment = wrap(syntax, directive);
  if (comment === null) return [];
  const atEnd = candidate(target.trimEnd().length, `  ${comment}`);
  if (NEXT_LINE_DIRECTIVE.test(above)) return [atEnd];
  const indent = /^[ \t]*/.exec(target)?.[0] ?? '';
  return [candidate(0, `${indent}${comment}\n`), atEnd];
}

/** What `planIgnore` decided: the edit to make, or why none is made. */
export type IgnorePlan =
  | { kind: 'edit'; edit: IgnoreEdit }
  | { kind: 'refused'; why: string }
  /** The language has no comments. */
  | { kind: 'noComments' };

/**
 * The ignore for the finding on `line` (0-based) of a document's text (`\n` or `\r\n` lines),
 * checked by lexing the text with it written in: the first place (above the line, else at its end)
 * where the directive is read as a comment and the code around it reads as before. Above a line
 * that starts inside a multi-line string (template literal, triple-quoted or raw string, heredoc),
 * the line would be text of the string: it would change the program and silence nothing.
 */
export function planIgnore(text: string, line: number, ruleId: RuleId, reason: string, language: LanguageSpec): IgnorePlan {
  const lines = new LineIndex(text);
  const lineStart = startOfLine(lines, line);
  const block = language.yamlBlockScalars === true ? yamlBlockAt(text, lineStart) : undefined;
  if (block === 'value') return { kind: 'refused', why: YAML_VALUE_REFUSAL };
  // In a cmd script a `#` line is a command: the ignore is a `REM` comment there.
  const syntax: CommentSyntax = block === 'cmd' ? CMD_SYNTAX : language;
  const before = lex(text, language);
  const insideComment = before.comments.some((comment) => comment.start < lineStart && comment.end > lineStart);
  const lineText = (n: number): string => (n >= 0 && n < lines.lineCount ? lines.lineText(n) : '');
  const candidates = ignoreEdits(lineText(line), lineText(line - 1), line, ruleId, reason, syntax, insideComment);
  if (candidates.length === 0) return { kind: 'noComments' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const outcomes = candidates.map((candidate) =>
    splitsContinuation(candidate, line, lineText, insideComment) ? 'splitsContinuation' : tryIgnore(text, before.code, lineStart + candidate.edit.column, candidate, eol, language),
  );
  const works = outcomes.indexOf('works');
  if (works >= 0) return { kind: 'edit', edit: candidates[works].edit };
  return { kind: 'refused', why: refusalFor(outcomes, insideComment, candidates.length) };
}

type Outcome = 'works' | 'notAComment' | 'changesCode' | 'splitsContinuation';

/** An odd run of backslashes at the end: the line goes on on the next one (shell, Python, C macros, Dockerfiles...). */
const CONTINUED = /(?:^|[^\\])(?:\\\\)*\\$/;

/**
 * Whether the candidate would cut a line continued with a backslash: a line of its own after the
 * backslash becomes part of the statement (in shell, the comment ends it and the finding's line runs
 * as a command of its own), and a comment after the backslash takes its place. The lexer reads both
 * texts the same way, so tryIgnore cannot see it.
 */
function splitsContinuation(candidate: Candidate, line: number, lineText: (n: number) => string, insideComment: boolean): boolean {
  if (insideComment) return false;
  const above = candidate.edit.column === 0 && candidate.edit.text.endsWith('\n');
  return CONTINUED.test(lineText(above ? line - 1 : line));
}

/** Lexes the text with the candidate written in: is the directive a comment, and the rest unchanged? */
function tryIgnore(text: string, code: string, offset: number, candidate: Candidate, eol: string, language: LanguageSpec): Outcome {
  const inserted = candidate.edit.text.replace(/\n/g, eol);
  // Joined, not concatenated: the lexer reads a flat string faster than a rope.
  const after = lex([text.slice(0, offset), inserted, text.slice(offset)].join(''), language);
  const at = offset + inserted.indexOf('qa-lens-ignore');
  const end = at + candidate.directiveLength;
  if (!after.comments.some((comment) => comment.contentStart <= at && end <= comment.contentEnd)) return 'notAComment';
  // The code (strings and comments masked) around the insertion must be what it was: a comment
  // that ended early or ran on would turn code into comment or the other way round.
  const same = after.code.startsWith(code.slice(0, offset)) && after.code.endsWith(code.slice(offset)) && after.code.slice(offset, offset + inserted.length).trim() === '';
  return same ? 'works' : 'changesCode';
}

function refusalFor(outcomes: readonly Outcome[], insideComment: boolean, count: number): string {
  const remedy = "Move the code out of the string, or change the rule's severity in .quality/config.json.";
  if (outcomes.includes('splitsContinuation') && !outcomes.includes('changesCode')) {
    return (
      'the line is part of a statement continued over several lines with a backslash, and the ignore can go neither above it ' +
      '(it would split the statement) nor at its end (after the backslash, or inside a string). Put the finding on a line that ' +
      "does not end with a backslash, or change the rule's severity in .quality/config.json."
    );
  }
  if (insideComment || outcomes.includes('changesCode')) {
    return "a qa-lens-ignore comment there would change how the code next to it reads. Change the rule's severity in .quality/config.json instead.";
  }
  if (count === 1) {
    return (
      'the line above holds a directive for the next line, which an ignore line between them would break, and the line ends ' +
      'inside a string (a template literal, a triple-quoted or raw string, a heredoc...), where an ignore would become text of the string. ' +
      remedy
    );
  }
  return (
    'the line starts and ends inside a string that spans lines (a template literal, a triple-quoted or raw string, a heredoc...): ' +
    'an ignore above it or at its end would become text of the string, change the program and silence nothing. ' +
    remedy
  );
}

/** `planIgnore`'s edit, or null when the language has no comments or no ignore can be written there. */
export function ignoreEditForText(text: string, line: number, ruleId: RuleId, reason: string, language: LanguageSpec): IgnoreEdit | null {
  const plan = planIgnore(text, line, ruleId, reason, language);
  return plan.kind === 'edit' ? plan.edit : null;
}

/**
 * Why no ignore can be written for the finding on `line` (0-based), or undefined when one can (or
 * the language has no comments). Asked before the reason is, so it tries a placeholder reason.
 */
export function ignoreRefusal(text: string, line: number, language: LanguageSpec, ruleId: RuleId = 'suppressed-check'): string | undefined {
  const plan = planIgnore(text, line, ruleId, 'reason', language);
  return plan.kind === 'refused' ? plan.why : undefined;
}

/**
 * In a YAML block that is a value (`with: script: |` of actions/github-script, `description: |`) a
 * comment line would be part of the value: JavaScript the workflow runs, or text. It would break
 * the one and silence nothing in either. (A shell or PowerShell script block takes it as a comment,
 * a cmd one as a `REM` line: those work.)
 */
const YAML_VALUE_REFUSAL =
  'the finding is inside a YAML block value (`key: |`), where a comment line would become part of the value ' +
  '(in a workflow, text of the script it runs) and silence nothing. Move the code to a file of its own, or change ' +
  "the rule's severity in .quality/config.json.";

/** The comments of a cmd script (`shell: cmd` steps, AppVeyor `cmd:`), as the YAML lexer reads them. */
const CMD_SYNTAX: CommentSyntax = { lineComments: ['REM'] };

/** The offset where 0-based `line` starts (the last line's start past the end). */
function startOfLine(lines: LineIndex, line: number): number {
  return lines.lineStart(Math.min(line, lines.lineCount - 1));
}
