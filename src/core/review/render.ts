/**
 * A deliberately small template renderer for Markdown review documents:
 *
 * * `{{name}}` is replaced by the variable's text, never HTML-escaped (the output is Markdown, and
 *   `<`, `>`, `&`, `"` in a branch name or a finding must come out as written);
 * * an unknown `{{name}}` stays in the output exactly as written AND is reported with its line and
 *   column, so a typo is visible in the document and on stderr instead of silently blank;
 * * `{{#name}}...{{/name}}` keeps its content only when the variable is present, and
 *   `{{^name}}...{{/name}}` only when it is not (for "no ADRs touched" style wording);
 * * a placeholder alone on an indented line indents every line of a multi-line value the same, so
 *   a block stays inside the list item it was put in;
 * * a section tag alone on its line takes the line with it (as in Mustache), and a placeholder
 *   alone on its line whose value is empty removes its line and one of the blank lines around it,
 *   so an empty `{{notes}}` between two paragraphs leaves one blank line, not three;
 * * a value that is not available loses the backticks of a code span it fills alone, so
 *   "_(not available: why)_" reads as prose.
 */

/** A variable's text; `present: false` means "not available", which sections test. */
export interface RenderValue {
  text: string;
  present: boolean;
}

export type RenderVariables = Readonly<Record<string, string | RenderValue>>;

export interface UnknownPlaceholder {
  name: string;
  /** The placeholder exactly as written, e.g. `{{ brnach }}`. */
  text: string;
  /** 1-based, in the template text (plus `lineOffset`). */
  line: number;
  /** 1-based, UTF-16 code units. */
  column: number;
}

export interface RenderProblem {
  line: number;
  column: number;
  message: string;
}

export interface RenderResult {
  text: string;
  unknownPlaceholders: UnknownPlaceholder[];
  /** Structural mistakes: a section that is never closed, a close without an open. */
  problems: RenderProblem[];
}

export interface RenderOptions {
  /** Added to every reported line: the template body's first line in its file. */
  lineOffset?: number;
}

type Token =
  | { kind: 'text'; text: string; at?: number }
  | { kind: 'var'; name: string; raw: string; at: number; standalone: boolean }
  | { kind: 'open'; name: string; inverted: boolean; raw: string; at: number; standalone: boolean }
  | { kind: 'close'; name: string; raw: string; at: number; standalone: boolean };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string; raw: string; standalone: boolean }
  | { kind: 'section'; name: string; inverted: boolean; raw: string; closeRaw: string; known: boolean; children: Node[] };

const TAG = /\{\{\s*([#^/]?)\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function renderTemplate(template: string, variables: RenderVariables, options: RenderOptions = {}): RenderResult {
  const lineStarts = computeLineStarts(template);
  const offset = options.lineOffset ?? 1;
  const where = (at: number): { line: number; column: number } => {
    const index = upperBound(lineStarts, at) - 1;
    return { line: index + offset, column: at - (lineStarts[index] ?? 0) + 1 };
  };
  const known = (name: string): boolean => Object.prototype.hasOwnProperty.call(variables, name);
  const unknownPlaceholders: UnknownPlaceholder[] = [];
  const problems: RenderProblem[] = [];

  const raw = tokenize(template);
  problems.push(...malformedTags(template, raw, where));
  const tokens = stripStandaloneSections(raw);
  for (const token of tokens) {
    if ((token.kind === 'var' || token.kind === 'open') && !known(token.name)) {
      unknownPlaceholders.push({ name: token.name, text: token.raw, ...where(token.at) });
    }
  }

  // Build the section tree; mismatched tags become visible text plus a problem.
  const root: Node[] = [];
  const stack: { node: Extract<Node, { kind: 'section' }>; at: number; parent: Node[] }[] = [];
  let children = root;
  for (const token of tokens) {
    if (token.kind === 'text') children.push(token);
    else if (token.kind === 'var') children.push({ kind: 'var', name: token.name, raw: token.raw, standalone: token.standalone });
    else if (token.kind === 'open') {
      const node: Extract<Node, { kind: 'section' }> = { kind: 'section', name: token.name, inverted: token.inverted, raw: token.raw, closeRaw: '', known: known(token.name), children: [] };
      children.push(node);
      stack.push({ node, at: token.at, parent: children });
      children = node.children;
    } else {
      const top = stack[stack.length - 1];
      if (top && top.node.name === token.name) {
        top.node.closeRaw = token.raw;
        stack.pop();
        children = top.parent;
      } else {
        problems.push({ ...where(token.at), message: `'${token.raw}' closes a section that is not open${top ? ` (open: {{#${top.node.name}}})` : ''}` });
        children.push({ kind: 'text', text: token.raw });
      }
    }
  }
  for (const open of stack.reverse()) {
    problems.push({ ...where(open.at), message: `section '${open.node.raw}' is never closed with {{/${open.node.name}}}` });
    // Left visible: treated as unknown so its tag and content both show.
    open.node.known = false;
  }

  const out: string[] = [];
  renderNodes(root, variables, out, { dropLines: 0 });
  return { text: out.join(''), unknownPlaceholders, problems };
}

/**
 * Braces that look like a placeholder but are not one, which would otherwise pass unnoticed: a
 * `{{` never closed (`{{branch}`), and Mustache's unescaped `{{{name}}}`, which rendered as
 * `{value}` (this renderer never escapes, so there is no triple form).
 */
function malformedTags(template: string, tokens: readonly Token[], where: (at: number) => { line: number; column: number }): RenderProblem[] {
  const problems: RenderProblem[] = [];
  for (const token of tokens) {
    if (token.kind !== 'text' || token.at === undefined) continue;
    for (let i = token.text.indexOf('{{'); i >= 0; i = token.text.indexOf('{{', i + 2)) {
      problems.push({ ...where(token.at + i), message: "'{{' does not start a placeholder here (no '}}' closes a name after it): it is left as written" });
    }
  }
  for (const match of template.matchAll(/\{\{\{\s*([^{}]*?)\s*\}\}\}/g)) {
    problems.push({ ...where(match.index), message: `'${match[0]}': reviews are Markdown and never escaped, so there is no triple-brace form; write '{{${match[1]}}}'` });
  }
  return problems;
}

/** How many line ends the next text must drop (an empty standalone placeholder's, and a blank line). */
interface RenderState {
  dropLines: number;
  /** Backticks the next text starts with that close a code span already taken back (unwrapCodeSpan). */
  dropBackticks?: number;
}

function renderNodes(nodes: readonly Node[], variables: RenderVariables, out: string[], state: RenderState): void {
  for (const [n, node] of nodes.entries()) {
    if (node.kind === 'text') pushText(out, node.text, state);
    else if (node.kind === 'var') {
      const value = Object.prototype.hasOwnProperty.call(variables, node.name) ? variables[node.name] : undefined;
      if (value !== undefined && node.standalone && textOf(value) === '') dropCurrentLine(out, state);
      else {
        if (value !== undefined && !isPresent(value)) unwrapCodeSpan(out, nodes[n - 1], nodes[n + 1], state);
        out.push(value === undefined ? node.raw : indentContinuation(textOf(value), currentIndent(out)));
      }
    } else if (!node.known) {
      out.push(node.raw);
      renderNodes(node.children, variables, out, state);
      out.push(node.closeRaw);
    } else {
      const value = variables[node.name];
      const present = value !== undefined && isPresent(value);
      if (present !== node.inverted) renderNodes(node.children, variables, out, state);
    }
  }
}

function pushText(out: string[], text: string, state: RenderState): void {
  let rest = text.slice(state.dropBackticks ?? 0);
  state.dropBackticks = 0;
  while (state.dropLines > 0 && rest !== '') {
    const end = /^[ \t]*(\r?\n|$)/.exec(rest);
    if (!end) {
      state.dropLines = 0;
      break;
    }
    rest = rest.slice(end[0].length);
    if (end[1] !== '') state.dropLines--;
  }
  if (rest !== '') {
    state.dropLines = 0;
    out.push(rest);
  }
}

/**
 * A value that is not available, written as code in the template (`` `{{mergeBaseShort}}` ``):
 * its backticks go, so "_(not available: why)_" reads as the prose it is instead of as a SHA
 * would. Only a placeholder that is all the span holds, with the same run of backticks on both sides.
 */
function unwrapCodeSpan(out: string[], before: Node | undefined, after: Node | undefined, state: RenderState): void {
  const last = out.length - 1;
  const open = before?.kind === 'text' ? /(?<!`)`+$/.exec(out[last] ?? '')?.[0] : undefined;
  const close = after?.kind === 'text' ? /^`+(?!`)/.exec(after.text)?.[0] : undefined;
  if (open === undefined || open !== close) return;
  out[last] = (out[last] ?? '').slice(0, -open.length);
  state.dropBackticks = close.length;
}

/**
 * An empty value alone on its line: the line goes (its indentation was already written, so it is
 * taken back), and when the line sat between two blank lines (or at the very top) one of those goes
 * too, so the paragraphs around it stay one blank line apart.
 */
function dropCurrentLine(out: string[], state: RenderState): void {
  const last = out.length - 1;
  if (last >= 0) out[last] = (out[last] ?? '').replace(/[ \t]+$/, '');
  const before = out.join('');
  const blankBefore = before === '' || /(^|\n)[ \t]*\r?\n$/.test(before);
  state.dropLines = blankBefore ? 2 : 1;
}

function textOf(value: string | RenderValue): string {
  return typeof value === 'string' ? value : value.text;
}

function isPresent(value: string | RenderValue): boolean {
  return typeof value === 'string' ? value.trim() !== '' : value.present;
}

/** The whitespace before the cursor when nothing else precedes it on the output line. */
function currentIndent(out: readonly string[]): string {
  let tail = '';
  for (let i = out.length - 1; i >= 0; i--) {
    const chunk = out[i] ?? '';
    const newline = chunk.lastIndexOf('\n');
    tail = (newline >= 0 ? chunk.slice(newline + 1) : chunk) + tail;
    if (newline >= 0) break;
  }
  return /^[ \t]+$/.test(tail) ? tail : '';
}

function indentContinuation(text: string, indent: string): string {
  if (indent === '' || !text.includes('\n')) return text;
  return text.split('\n').map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n');
}

function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    const at = match.index;
    const raw = match[0];
    const sigil = match[1] ?? '';
    const name = (match[2] ?? '').trim();
    if (at > last) tokens.push({ kind: 'text', text: template.slice(last, at), at: last });
    last = at + raw.length;
    const standalone = isStandalone(template, at, at + raw.length);
    if (!NAME.test(name)) {
      // `{{ not a name }}`: leave it alone, report it as what it looks like.
      tokens.push({ kind: 'var', name: `${sigil}${name}`, raw, at, standalone: false });
    } else if (sigil === '') tokens.push({ kind: 'var', name, raw, at, standalone });
    else if (sigil === '/') tokens.push({ kind: 'close', name, raw, at, standalone });
    else tokens.push({ kind: 'open', name, inverted: sigil === '^', raw, at, standalone });
  }
  if (last < template.length) tokens.push({ kind: 'text', text: template.slice(last), at: last });
  return tokens;
}

/** Only whitespace between the tag and the line's start and end (other tags count as text). */
function isStandalone(template: string, start: number, end: number): boolean {
  const lineStart = template.lastIndexOf('\n', start - 1) + 1;
  const newline = template.indexOf('\n', end);
  const lineEnd = newline < 0 ? template.length : newline;
  return /^[ \t]*$/.test(template.slice(lineStart, start)) && /^[ \t]*\r?$/.test(template.slice(end, lineEnd));
}

/** A section tag alone on its line removes that line: its indentation and its line end. */
function stripStandaloneSections(tokens: Token[]): Token[] {
  tokens.forEach((token, i) => {
    if ((token.kind !== 'open' && token.kind !== 'close') || !token.standalone) return;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    if (before?.kind === 'text') before.text = before.text.replace(/[ \t]+$/, '');
    if (after?.kind === 'text') after.text = after.text.replace(/^[ \t]*\r?\n?/, '');
  });
  return tokens;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The index of the first element greater than `value`. */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
