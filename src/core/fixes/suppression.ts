import { appendToComment, cleanInput, type LineEdit } from './lineEdit';

/**
 * The suppression directive a `suppressed-check` finding is placed at, and how its tool expects a
 * reason to be written (rules.md, "What counts as a reason").
 */
export type SuppressionTool =
  | 'eslint'
  | 'ts-expect-error'
  | 'ts-ignore'
  | 'ts-nocheck'
  | 'noqa'
  | 'mypy'
  | 'pylint'
  | 'rubocop'
  | 'nolint'
  | 'nosonar'
  | 'qa-lens-ignore'
  | 'jvm-annotation'
  | 'csharp-pragma';

const TOOLS: Array<[SuppressionTool, RegExp]> = [
  ['eslint', /^eslint-disable/],
  ['ts-expect-error', /^@ts-expect-error/],
  ['ts-ignore', /^@ts-ignore/],
  ['ts-nocheck', /^@ts-nocheck/],
  ['noqa', /^noqa/i],
  ['mypy', /^(?:type|pyright):\s*ignore/],
  ['pylint', /^pylint:/],
  ['rubocop', /^rubocop:/],
  ['nolint', /^nolint/],
  ['nosonar', /^NOSONAR/],
  ['qa-lens-ignore', /^qa-lens-ignore/],
  ['jvm-annotation', /^@(?:file:)?Suppress/],
  ['csharp-pragma', /^#pragma\s+warning\s+disable/],
];

export function suppressionToolAt(lineText: string, column: number): SuppressionTool | null {
  const rest = lineText.slice(column);
  return TOOLS.find(([, pattern]) => pattern.test(rest))?.[0] ?? null;
}

/** How each tool wants its reason, appended after the directive. */
function reasonSuffix(tool: SuppressionTool, reason: string): string | null {
  switch (tool) {
    case 'eslint':
    case 'noqa':
    case 'pylint':
    case 'rubocop':
    case 'qa-lens-ignore':
      return ` -- ${reason}`;
    case 'ts-expect-error':
    case 'nosonar':
      return ` ${reason}`;
    case 'mypy':
      return `  # ${reason}`;
    case 'nolint':
      return ` // ${reason}`;
    case 'jvm-annotation':
    case 'csharp-pragma':
      return `  // ${reason}`;
    case 'ts-ignore':
    case 'ts-nocheck':
      // A reason does not make these acceptable: @ts-ignore becomes @ts-expect-error instead.
      return null;
  }
}

/**
 * Adds `reason` to the suppression at `column`, in the syntax its tool reads as a reason, or null
 * when this directive takes no reason (`@ts-ignore`, `@ts-nocheck`) or is not one QA Lens knows.
 */
export function addReasonEdit(line: number, lineText: string, column: number, reason: string): LineEdit | null {
  const tool = suppressionToolAt(lineText, column);
  if (tool === null) return null;
  const suffix = reasonSuffix(tool, cleanInput(reason));
  if (suffix === null) return null;
  if (tool === 'jvm-annotation' || tool === 'csharp-pragma') {
    // These are code, not comments: the reason is a comment at the end of the line.
    const end = lineText.trimEnd().length;
    return { line, start: end, end, text: suffix };
  }
  return appendToComment(line, lineText, column, suffix);
}

/** The reason already written after `@ts-ignore` at `column`, or null when there is none. */
export function tsIgnoreReason(lineText: string, column: number): string | null {
  const end = column + '@ts-ignore'.length;
  const existing = lineText.slice(end, appendToComment(0, lineText, end, '').start).trim();
  return existing.length >= 3 && /\p{L}/u.test(existing) ? existing : null;
}

/**
 * `@ts-ignore` -> `@ts-expect-error <reason>`: the same suppression, except that TypeScript says so
 * when the error it expected is gone. A reason already after the directive stays; `reason` is
 * written only when there is none.
 */
export function convertTsIgnoreEdit(line: number, lineText: string, column: number, reason: string): LineEdit | null {
  if (!lineText.startsWith('@ts-ignore', column)) return null;
  const end = column + '@ts-ignore'.length;
  if (tsIgnoreReason(lineText, column) !== null) return { line, start: column, end, text: '@ts-expect-error' };
  const commentEnd = appendToComment(line, lineText, end, '').start;
  return { line, start: column, end: commentEnd, text: `@ts-expect-error ${cleanInput(reason)}`.trimEnd() };
}
