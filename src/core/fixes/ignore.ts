import { lex } from '../lexer';
import { CHECKPOINT_SPACING, lexTracked, relex, type TextChange, type TrackedLex } from '../lexer/incremental';
import { buildCode } from '../lexer/mask';
import { yamlBlockAt } from '../lexer/yamlScript';
import { LineIndex } from '../rules/lineIndex';
import type { CommentToken, LanguageSpec, LexResult } from '../lexer/types';
import { partitionPoint } from '../partitionPoint';
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
 * (Several lines of one text: an IgnorePlanner lexes it once for all.)
 */
export function planIgnore(text: string, line: number, ruleId: RuleId, reason: string, language: LanguageSpec): IgnorePlan {
  return new IgnorePlanner(text, language).plan(line, ruleId, reason);
}

/**
 * One version of a document, lexed once (on first need) to plan ignores on any of its lines: the
 * command asks before the reason and again after it, and on a large document a lex is the cost.
 * Each place tried is lexed again only around it (lexer/incremental.ts) where the language allows.
 */
export class IgnorePlanner {
  private readonly lines: LineIndex;
  private lexed: BaseLex | undefined;
  private lineBreak: string | undefined;

  constructor(
    readonly text: string,
    readonly language: LanguageSpec,
    /** Characters between lexer checkpoints: tests make it small so that places fall between many. */
    private readonly spacing = CHECKPOINT_SPACING,
    /**
     * 'whole': lex the whole text again for each place tried, as languages that do not lex
     * incrementally always do. Slow on long documents; the property test's reference.
     */
    private readonly relexing: 'window' | 'whole' = 'window',
  ) {
    this.lines = new LineIndex(text);
  }

  /** `planIgnore` for this text. */
  plan(line: number, ruleId: RuleId, reason: string): IgnorePlan {
    const { text, language, lines } = this;
    const lineStart = startOfLine(lines, line);
    const block = language.yamlBlockScalars === true ? yamlBlockAt(text, lineStart) : undefined;
    if (block === 'value') return { kind: 'refused', why: YAML_VALUE_REFUSAL };
    if (block === 'folded') return { kind: 'refused', why: YAML_FOLDED_REFUSAL };
    // A script block takes its own language's comment: `REM` in cmd (a `#` line is a command there), `//` in JavaScript.
    const syntax: CommentSyntax = block === 'cmd' ? CMD_SYNTAX : block === 'javascript' ? JAVASCRIPT_SYNTAX : language;
    const before = this.base();
    const insideComment = before.comments.some((comment) => comment.start < lineStart && comment.end > lineStart);
    const lineText = (n: number): string => (n >= 0 && n < lines.lineCount ? lines.lineText(n) : '');
    const candidates = ignoreEdits(lineText(line), lineText(line - 1), line, ruleId, reason, syntax, insideComment);
    if (candidates.length === 0) return { kind: 'noComments' };
    // Best first: the places after the first that works are never lexed.
    const outcomes: Outcome[] = [];
    for (const candidate of candidates) {
      const outcome = splitsContinuation(candidate, line, lineText, insideComment) ? 'splitsContinuation' : this.tryIgnore(lineStart + candidate.edit.column, candidate);
      if (outcome === 'works') return { kind: 'edit', edit: candidate.edit };
      outcomes.push(outcome);
    }
    return { kind: 'refused', why: refusalFor(outcomes, insideComment, candidates.length) };
  }

  /** `ignoreRefusal` for this text. */
  refusal(line: number, ruleId: RuleId = 'suppressed-check'): string | undefined {
    const plan = this.plan(line, ruleId, 'reason');
    return plan.kind === 'refused' ? plan.why : undefined;
  }

  private base(): BaseLex {
    if (this.lexed === undefined) {
      const tracked = this.relexing === 'window' ? lexTracked(this.text, this.language, this.spacing) : undefined;
      this.lexed = tracked ? { comments: tracked.comments, tracked } : lex(this.text, this.language);
    }
    return this.lexed;
  }

  /** Lexes the text with the candidate written in: is the directive a comment, and the rest unchanged? */
  private tryIgnore(offset: number, candidate: Candidate): Outcome {
    this.lineBreak ??= this.text.includes('\r\n') ? '\r\n' : '\n';
    const inserted = candidate.edit.text.replace(/\n/g, this.lineBreak);
    const before = this.base();
    return 'tracked' in before ? tryRelexed(before.tracked, offset, inserted, candidate.directiveLength, this.language, this.spacing) : tryWhole(this.text, before.code, offset, inserted, candidate.directiveLength, this.language);
  }
}

/** The document lexed: incrementally (its comments are the tracked lex's), or whole with its code. */
type BaseLex = { comments: readonly CommentToken[]; tracked: TrackedLex } | LexResult;

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

/**
 * A language lexed whole (heredocs, YAML blocks, markup...): the whole text is lexed again with the
 * insertion, and its code compared with the code of before on each side of it.
 */
function tryWhole(text: string, code: string, offset: number, inserted: string, directiveLength: number, language: LanguageSpec): Outcome {
  // Joined, not concatenated: the lexer reads a flat string faster than a rope.
  const after = lex([text.slice(0, offset), inserted, text.slice(offset)].join(''), language);
  const at = offset + inserted.indexOf('qa-lens-ignore');
  if (!holdsDirective(after.comments, at, at + directiveLength)) return 'notAComment';
  return sameAround(code, after.code, offset, inserted.length) ? 'works' : 'changesCode';
}

/**
 * The same question, re-lexing only from the last checkpoint before the insertion to the first one
 * after it where the lexer is in the state it was in before (the end of the text if it never is).
 * Before and after that range relex reuses the previous lex, so the code there is what it was: only
 * the re-lexed range is compared, as the whole texts would be.
 */
function tryRelexed(tracked: TrackedLex, offset: number, inserted: string, directiveLength: number, language: LanguageSpec, spacing: number): Outcome {
  const { text: next, base, lex: after, from, to } = relexAround(tracked, offset, inserted, language, spacing);
  const at = offset - base + inserted.indexOf('qa-lens-ignore');
  if (!holdsDirective(after.comments, at, at + directiveLength)) return 'notAComment';
  const was = codeOf(tracked.text, tracked.masks, base + from, base + to - inserted.length);
  const is = codeOf(next, after.masks, from, to);
  return sameAround(was, is, offset - base - from, inserted.length) ? 'works' : 'changesCode';
}

/** Checkpoints past the insertion a window takes in, so that a re-lex meets one in step with before. */
const WINDOW_CHECKPOINTS = 4;

/** Characters a window keeps before the restart checkpoint (and its last word), for the lexer's look-behind. */
const LOOK_BEHIND = 256;

/**
 * The text with `inserted` at `offset`, re-lexed after the tracked lex: positions in the returned
 * `text`, `lex` (its comments and masks are those of the re-lexed range only) and [from, to) are
 * `base` less than in the whole new text.
 *
 * Copying a long document for each place tried costs more than the re-lex itself, so it is first
 * re-lexed in a window: from a little before the restart checkpoint (the lexer looks back at most
 * to its line start and to the last word, which the checkpoint records) to a few checkpoints past
 * the insertion. Lexing up to a checkpoint never reads the text after it (lexer/incremental.ts),
 * so a re-lex that meets a checkpoint inside the window reads there as it would in the whole text.
 * Otherwise (the insertion opened something that runs on) the whole text is re-lexed.
 */
function relexAround(tracked: TrackedLex, offset: number, inserted: string, language: LanguageSpec, spacing: number): { text: string; base: number; lex: TrackedLex; from: number; to: number } {
  const whole = tracked.text;
  const change = (base: number): TextChange => ({ start: offset - base, oldEnd: offset - base, newEnd: offset - base + inserted.length });
  const checkpoints = tracked.checkpoints;
  const restart = partitionPoint(checkpoints.length, (k) => checkpoints[k].at <= offset) - 1;
  const first = Math.max(restart, 0);
  const last = Math.min(restart + 1 + WINDOW_CHECKPOINTS, checkpoints.length);
  const behind = restart >= 0 ? checkpoints[restart].at - Math.max(checkpoints[restart].state.lastStartBack, 0) - LOOK_BEHIND : 0;
  const start = Math.max(0, behind);
  // Up to a checkpoint past the insertion, else to the end of the text (then the window holds all that follows).
  const end = last < checkpoints.length ? checkpoints[last].at : whole.length;
  if (start > 0 || end < whole.length) {
    const window: TrackedLex = {
      text: whole.slice(start, end),
      comments: [],
      masks: [],
      checkpoints: checkpoints.slice(first, last).map((c) => ({ ...c, at: c.at - start })),
    };
    const text = [whole.slice(start, offset), inserted, whole.slice(offset, end)].join('');
    const relexed = relex(window, text, change(start), language, spacing);
    // Met a checkpoint before the window's end (at its end, the re-lex may just have run out of text).
    if (relexed.to < text.length || end === whole.length) return { text, base: start, ...relexed };
  }
  // Joined, not concatenated: the lexer reads a flat string faster than a rope.
  const text = [whole.slice(0, offset), inserted, whole.slice(offset)].join('');
  return { text, base: 0, ...relex(tracked, text, change(0), language, spacing) };
}

/**
 * The code (strings and comments masked) around an insertion of `length` at `offset` is what it
 * was, and the insertion itself is blank in it: a comment that ended early or ran on would turn
 * code into comment or the other way round.
 */
function sameAround(was: string, is: string, offset: number, length: number): boolean {
  return is.startsWith(was.slice(0, offset)) && is.endsWith(was.slice(offset)) && is.slice(offset, offset + length).trim() === '';
}

/** Whether a comment's content holds [at, end). Comments are in order and never overlap. */
function holdsDirective(comments: readonly CommentToken[], at: number, end: number): boolean {
  for (let k = partitionPoint(comments.length, (i) => comments[i].end <= at); k < comments.length && comments[k].start <= at; k++) {
    if (comments[k].contentStart <= at && end <= comments[k].contentEnd) return true;
  }
  return false;
}

/** The code of text[from, to): the text with the masked ranges (ascending pairs) in it blanked. */
function codeOf(text: string, masks: readonly number[], from: number, to: number): string {
  const clipped: number[] = [];
  for (let k = 2 * partitionPoint(masks.length >> 1, (i) => masks[2 * i + 1] <= from); k < masks.length && masks[k] < to; k += 2) {
    clipped.push(Math.max(masks[k], from) - from, Math.min(masks[k + 1], to) - from);
  }
  return buildCode(text.slice(from, to), clipped);
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
  return new IgnorePlanner(text, language).refusal(line, ruleId);
}

/**
 * In a YAML block that is a value (`description: |`, an action's input) a comment line would be part
 * of the value: text, or a program in a language not known here. It would silence nothing. (A shell,
 * PowerShell or Python script block takes it as a `#` comment, a cmd one as a `REM` line, the
 * JavaScript of actions/github-script as a `//` line: those work.)
 */
const YAML_VALUE_REFUSAL =
  'the finding is inside a YAML block value (`key: |`), where a comment line would become part of the value ' +
  '(in a workflow, text of the script it runs) and silence nothing. Move the code to a file of its own, or change ' +
  "the rule's severity in .quality/config.json.";

/**
 * A folded script (`run: >`) is one line for each run of lines YAML joins with spaces: a comment
 * line there, or one at the end of the finding's line, would turn the lines folded after it into
 * comment text, so they would no longer run.
 */
const YAML_FOLDED_REFUSAL =
  'the finding is inside a folded YAML script (`key: >`), whose lines YAML joins into one: a qa-lens-ignore comment ' +
  'there would comment out the lines joined after it. Make the block literal (`key: |`), or change ' +
  "the rule's severity in .quality/config.json.";

/** The comments of a cmd script (`shell: cmd` steps, AppVeyor `cmd:`), as the YAML lexer reads them. */
const CMD_SYNTAX: CommentSyntax = { lineComments: ['REM'] };

/** The comments of a JavaScript script (actions/github-script's `script: |`). */
const JAVASCRIPT_SYNTAX: CommentSyntax = { lineComments: ['//'] };

/** The offset where 0-based `line` starts (the last line's start past the end). */
function startOfLine(lines: LineIndex, line: number): number {
  return lines.lineStart(Math.min(line, lines.lineCount - 1));
}
