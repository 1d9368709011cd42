import { isRuleId, type RuleId } from '../ids';
import type { RuleHit } from '../hit';
import type { CommentToken } from '../../lexer/types';
import { lineExcerpt, type CodeContext } from './context';
import { isReason } from './reasons';

/** `qa-lens-ignore <rule-id> -- reason`: silences `rules` on lines [fromLine, toLine] (0-based). */
export interface InlineIgnore {
  rules: RuleId[];
  /** Offset of the directive: it never silences its own report. */
  at: number;
  fromLine: number;
  toLine: number;
}

/** A directive at the start of a comment: an anchored test, cheap on every comment. */
const HINT_AT_START = /^[\s*!]*(?:eslint-disable|@ts-|[Nn][Oo][Qq][Aa]|type:|pyright:|pylint:|rubocop:|nolint)/;
/** The same after a `#` or `//` inside a comment: starts with rare characters, so it scans fast. */
const HINT_INSIDE = /(?:#|\/\/)[ \t]*(?:eslint-disable|@ts-|[Nn][Oo][Qq][Aa]|type:|pyright:|pylint:|rubocop:|nolint)/;

/** Directives further in: after a `#` or `//` inside the comment, or the two allowed anywhere. */
function mayHoldDirective(content: string): boolean {
  return (
    HINT_AT_START.test(content) ||
    HINT_INSIDE.test(content) ||
    content.includes('NOSONAR') ||
    content.includes('qa-lens-ignore')
  );
}

/**
 * Suppression directives, each at the start of a comment or right after a `#` / `//` inside one
 * (`# noqa: E501  # reason`, `//nolint:errcheck // reason`), with the codes they take.
 */
const DIRECTIVE = new RegExp(
  String.raw`(?<=^[\s*!]*|(?:#|\/\/)[ \t]*)(?:` +
    [
      String.raw`(?<eslint>eslint-disable(?:-next-line|-line)?)(?![\w-])`,
      String.raw`(?<tsExpect>@ts-expect-error)(?![\w-])`,
      String.raw`(?<tsIgnore>@ts-(?:ignore|nocheck))(?![\w-])`,
      String.raw`(?<noqa>[Nn][Oo][Qq][Aa])(?![\w-])(?::?[ \t]*[A-Z]+[0-9]+(?:[ \t]*,[ \t]*[A-Z]+[0-9]+)*)?`,
      String.raw`(?<mypy>(?:type|pyright):[ \t]*ignore)(?:\[[^\]\n]*\])?`,
      String.raw`(?<pylint>pylint:[ \t]*disable(?:-next)?)[ \t]*=[ \t]*[\w-]+(?:[ \t]*,[ \t]*[\w-]+)*`,
      String.raw`(?<rubocop>rubocop:[ \t]*(?:disable|todo))(?:[ \t]+(?:all|[A-Z]\w*(?:\/\w+)?)(?:[ \t]*,[ \t]*[A-Z]\w*(?:\/\w+)?)*)?`,
      String.raw`(?<nolint>nolint)(?::[\w,-]+)?(?![\w-])`,
    ].join('|') +
    // The inline ignore may follow other text in the comment (`TODO: x  qa-lens-ignore ...`).
    String.raw`)|(?<![\w-])(?<ignore>qa-lens-ignore)(?:[ \t]+(?<ids>[a-z-]+(?:[ \t]*,[ \t]*[a-z-]+)*))?`,
  'g',
);

const NOSONAR = /\bNOSONAR\b/;

type Tool = 'eslint' | 'tsExpect' | 'tsIgnore' | 'noqa' | 'mypy' | 'pylint' | 'rubocop' | 'nolint' | 'ignore';
const TOOLS: readonly Tool[] = ['eslint', 'tsExpect', 'tsIgnore', 'noqa', 'mypy', 'pylint', 'rubocop', 'nolint', 'ignore'];

function message(tool: Tool | 'nosonar', word: string): string {
  switch (tool) {
    case 'eslint':
      return `${word} switches ESLint off with no reason: add one after " -- ".`;
    case 'tsExpect':
      return '@ts-expect-error with no reason: say why the error is expected.';
    case 'tsIgnore':
      return word === '@ts-nocheck'
        ? '@ts-nocheck switches type checking off for the whole file: fix the errors, or use @ts-expect-error with a reason where needed.'
        : '@ts-ignore hides any error on the next line: use @ts-expect-error with a reason instead.';
    case 'noqa':
      return '# noqa with no reason: add one, e.g. "# noqa: E501 -- generated URL table".';
    case 'mypy':
      return `${word} with no reason: add one in a "# ..." comment after it.`;
    case 'pylint':
    case 'rubocop':
      return `${word} with no reason: add one after " -- " or in a "# ..." comment.`;
    case 'nolint':
      return 'nolint with no reason: add one, e.g. "//nolint:errcheck // why".';
    case 'ignore':
      return 'qa-lens-ignore with no reason: add one after " -- ".';
    case 'nosonar':
      return 'NOSONAR with no reason: say why the issue does not apply here.';
  }
}

/** The comments containing a directive word, in order (a cheap test on each comment's content). */
function candidateComments(ctx: CodeContext): CommentToken[] {
  return ctx.comments.filter((comment) => mayHoldDirective(ctx.text.slice(comment.contentStart, comment.contentEnd)));
}

/**
 * Suppressions written in comments (rules.md "What counts as a reason") and the inline ignores
 * `qa-lens-ignore <rule-id> -- <reason>`.
 */
export function scanDirectives(ctx: CodeContext): { hits: RuleHit[]; ignores: InlineIgnore[] } {
  const hits: RuleHit[] = [];
  const ignores: InlineIgnore[] = [];
  for (const comment of candidateComments(ctx)) {
    const content = ctx.text.slice(comment.contentStart, comment.contentEnd);
    const report = (at: number, length: number, text: string): void => {
      const start = comment.contentStart + at;
      hits.push({ ruleId: 'suppressed-check', start, end: start + length, message: text, excerpt: lineExcerpt(ctx, start) });
    };
    const matches = [...content.matchAll(DIRECTIVE)];
    matches.forEach((m, i) => {
      const groups = m.groups ?? {};
      const tool = TOOLS.find((name) => groups[name] !== undefined);
      if (tool === undefined || m.index === undefined) return;
      // In a block comment a checker reads a directive only at its start: `// eslint-disable-line`
      // further in is a code example in documentation (found scanning ESLint's own rules).
      if (comment.kind !== 'line' && tool !== 'ignore' && !/^[\s*!]*$/.test(content.slice(0, m.index))) return;
      const word = groups[tool] ?? '';
      const restEnd = i + 1 < matches.length ? (matches[i + 1].index ?? content.length) : content.length;
      const rest = content.slice(m.index + m[0].length, restEnd).replace(/(?:#|\/\/)\s*$/, '');
      if (tool === 'ignore') {
        const rules = (groups.ids ?? '').split(/[ \t]*,[ \t]*/).filter(isRuleId);
        if (rules.length === 0) return;
        const at = comment.contentStart + m.index;
        ignores.push({ rules, at, fromLine: ctx.lines.lineOf(at), toLine: ctx.lines.lineOf(comment.end) + 1 });
        if (!isReason(rest.replace(/^\s*--/, ''))) report(m.index, word.length, message(tool, word));
        return;
      }
      const reasoned =
        tool === 'tsIgnore' ? false : tool === 'eslint' ? eslintReason(rest) : isReason(rest.replace(/^\s*--/, ''));
      if (!reasoned) report(m.index, word.length, message(tool, word));
    });
    const sonar = NOSONAR.exec(content);
    if (sonar && !isReason(content.slice(0, sonar.index) + ' ' + content.slice(sonar.index + 7))) {
      report(sonar.index, 7, message('nosonar', 'NOSONAR'));
    }
  }
  return { hits, ignores };
}

/** ESLint takes a reason only after ` -- `; anything else on the line is a rule list. */
function eslintReason(rest: string): boolean {
  const m = /(?:^|\s)--(?:\s|$)([\s\S]*)$/.exec(rest);
  return m !== null && isReason(m[1]);
}
