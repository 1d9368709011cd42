import { editDistance } from '../../editDistance';
import type { CommentToken } from '../../lexer/types';
import { partitionPoint } from '../../partitionPoint';
import { isRuleId, RULE_IDS } from '../ids';

/** An inline ignore that silences nothing because it names no rule of rules.md. Offsets into the text. */
export interface IgnoreNameProblem {
  start: number;
  end: number;
  message: string;
  /** The rule id the name most likely meant, for a quick fix; undefined when none is close. */
  suggestion?: string;
}

const DIRECTIVE = 'qa-lens-ignore';
/** The directive, then the names it takes (wider than the rule ids, so that a misspelt one is seen). */
const NAMES = /^[ \t]*(\w[\w-]*(?:[ \t]*,[ \t]*\w[\w-]*)*)?[ \t]*(--)?/;
/** Only spaces and the decorations of block comments before it: the comment is the directive. */
const AT_START = /^[\s*!#/;-]*$/;

/**
 * The inline ignores (`qa-lens-ignore <rule-id> -- <reason>`, rules.md) whose names are no rule
 * id: `skiped-test` silences nothing, and without a word the user would believe it does. Prose that
 * mentions the directive ("use qa-lens-ignore to silence one") is told apart from a misspelt
 * directive by the name's shape: a near miss of a rule id, a hyphenated name, a reason after
 * ` -- `, or the directive opening the comment.
 */
export function ignoreNameProblems(text: string, comments: readonly CommentToken[]): IgnoreNameProblem[] {
  const problems: IgnoreNameProblem[] = [];
  // One search of the whole text (the word is rare), then only the comments holding it.
  for (let at = text.indexOf(DIRECTIVE); at !== -1; at = text.indexOf(DIRECTIVE, at + DIRECTIVE.length)) {
    const comment = commentAt(comments, at);
    if (comment === undefined || at + DIRECTIVE.length > comment.contentEnd) continue;
    if (isWordOrHyphen(text.charCodeAt(at - 1)) || isWordOrHyphen(text.charCodeAt(at + DIRECTIVE.length))) continue;
    problems.push(...namesProblems(text, comment, at));
  }
  return problems;
}

function namesProblems(text: string, comment: CommentToken, at: number): IgnoreNameProblem[] {
  const after = at + DIRECTIVE.length;
  const rest = text.slice(after, comment.contentEnd);
  const m = NAMES.exec(rest);
  const list = m?.[1];
  const reasonFollows = m?.[2] !== undefined;
  const opensComment = AT_START.test(text.slice(comment.contentStart, at));
  if (list === undefined) {
    if (!reasonFollows && !opensComment) return [];
    return [{ start: at, end: after, message: `${DIRECTIVE} names no rule, so it silences nothing: write "${DIRECTIVE} <rule-id> -- <reason>" (rule ids: ${RULE_IDS.join(', ')}).` }];
  }
  const listStart = after + rest.indexOf(list);
  const problems: IgnoreNameProblem[] = [];
  for (const name of list.matchAll(/\w[\w-]*/g)) {
    const word = name[0];
    if (isRuleId(word)) continue;
    const suggestion = closestRuleId(word);
    if (suggestion === undefined && !/[-_]/.test(word) && !reasonFollows && !opensComment) continue;
    const start = listStart + (name.index ?? 0);
    const hint = suggestion !== undefined ? `did you mean '${suggestion}'?` : `the rule ids are ${RULE_IDS.join(', ')}.`;
    problems.push({ start, end: start + word.length, message: `${DIRECTIVE} names no rule '${word}', so it silences nothing: ${hint}`, suggestion });
  }
  return problems;
}

/** The rule id a name most likely meant: the same up to case and `_`, or a few typing slips away. */
export function closestRuleId(name: string): string | undefined {
  const normal = name.toLowerCase().replace(/_/g, '-');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const id of RULE_IDS) {
    const distance = editDistance(normal, id);
    if (distance < bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  // Ids are 11 to 18 characters long and far apart: three slips still point at one of them.
  return bestDistance <= 3 ? best : undefined;
}

/** The comment whose content holds `offset`, by binary search (comments are in order). */
function commentAt(comments: readonly CommentToken[], offset: number): CommentToken | undefined {
  const i = partitionPoint(comments.length, (k) => comments[k].contentEnd < offset);
  const comment = comments[i];
  return comment !== undefined && comment.contentStart <= offset ? comment : undefined;
}

function isWordOrHyphen(c: number): boolean {
  // NaN (before the start, past the end) is neither.
  return c === 45 || c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
