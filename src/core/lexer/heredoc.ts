import type { CompiledSpec } from './compile';
import { isSpace, isWordChar, type LexContext, type PendingBody } from './context';
import { blockDialect, scriptComments, YamlScan } from './yamlScript';

/**
 * Heredocs: the opener is on one line, the body starts on the next. The opener registers a
 * pending body; the code scanner consumes it at the next line break, so the rest of the opener's
 * line (`cat <<EOF | grep x # comment`) is still lexed as code.
 */
export function tryHeredoc(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  if (text.charCodeAt(i + 1) !== 60) return -1; // <<
  const style = cs.spec.heredoc;
  let j = i + 2;
  let indented = false;
  if (style === 'php') {
    if (text.charCodeAt(j) !== 60) return -1; // <<<
    j++;
    while (j < end && isSpace(text.charCodeAt(j))) j++;
    indented = true;
  } else {
    if (text.charCodeAt(j) === 60) return -1; // shell here-string <<<
    const c = text.charCodeAt(j);
    if (c === 45 || (c === 126 && style !== 'shell' && style !== 'hcl')) {
      indented = true;
      j++;
    }
    if (style === 'shell' || style === 'perl') while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  }
  const q = text.charCodeAt(j);
  let wordStart: number;
  let wordEnd: number;
  let after: number;
  if (q === 39 || q === 34 || (q === 96 && style !== 'php')) {
    wordStart = j + 1;
    wordEnd = wordStart;
    // The quoted word ends on its line (\n, or \r for CRLF and old Mac files).
    while (wordEnd < end && text.charCodeAt(wordEnd) !== q && text.charCodeAt(wordEnd) !== 10 && text.charCodeAt(wordEnd) !== 13) wordEnd++;
    if (text.charCodeAt(wordEnd) !== q || wordEnd === wordStart) return -1;
    after = wordEnd + 1;
  } else {
    if (q === 92 && style === 'shell') j++; // <<\EOF
    wordStart = j;
    const first = text.charCodeAt(j);
    if (!isWordChar(first) || (first >= 48 && first <= 57)) return -1;
    // Ruby and Perl: a bare `<<word` needs an upper-case word, or `a <<b` would be a shift.
    if (!indented && (style === 'ruby' || style === 'perl') && !(first >= 65 && first <= 90)) return -1;
    wordEnd = j;
    while (wordEnd < end && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
    after = wordEnd;
  }
  const pending: PendingBody = {
    kind: 'heredoc',
    word: text.slice(wordStart, wordEnd),
    indented,
    trailingCode: style === 'php',
    parentIndent: 0,
  };
  ctx.pending.push(pending);
  return after;
}

/** YAML `key: |` / `key: >-`: the following deeper-indented lines are the value. `i` is at the indicator. */
export function tryYamlBlockScalar(ctx: LexContext, i: number, end: number): number {
  const text = ctx.text;
  const k = beforeProperties(text, ctx.lineStart, i);
  if (k >= ctx.lineStart) {
    const p = text.charCodeAt(k);
    if (!((p === 58 || p === 45 || p === 63) && k + 1 < i)) return -1;
  }
  let j = i + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 45 || c === 43 || (c >= 49 && c <= 57)) j++;
    else break;
  }
  if (j < end) {
    const c = text.charCodeAt(j);
    if (!(c === 10 || c === 13 || isSpace(c))) return -1;
  }
  // The block's lines are deeper than the node holding it: for `- key: |` that is the key's
  // column, for `key: |` and `- |` the line's indentation and the dash's column.
  let indent = 0;
  while (text.charCodeAt(ctx.lineStart + indent) === 32) indent++;
  if (k >= ctx.lineStart && text.charCodeAt(k) === 58) {
    while (text.charCodeAt(ctx.lineStart + indent) === 45 && isSpace(text.charCodeAt(ctx.lineStart + indent + 1))) {
      indent++;
      while (text.charCodeAt(ctx.lineStart + indent) === 32) indent++;
    }
  }
  // (`k` is before the line when the indicator opens it: its key is on the line above.)
  const folded = text.charCodeAt(i) === 62;
  const dialect = blockDialect(text, ctx.lineStart, Math.max(k, ctx.lineStart - 1), yamlScanOf(ctx));
  // A folded block joins its lines: a shell reads it (see FoldedComments), Python or JavaScript folded is left a value.
  const script = folded && (dialect === 'python' || dialect === 'js') ? undefined : dialect;
  ctx.pending.push({ kind: 'yamlBlock', word: '', indented: false, trailingCode: false, parentIndent: indent, script, folded });
  return j;
}

/** What the blocks of a lex have learnt about its text (see YamlScan): dropped with the lex's context. */
const yamlScans = new WeakMap<LexContext, YamlScan>();

function yamlScanOf(ctx: LexContext): YamlScan {
  let scan = yamlScans.get(ctx);
  if (scan === undefined) {
    scan = new YamlScan(ctx.text);
    yamlScans.set(ctx, scan);
  }
  return scan;
}

/**
 * Where the node holding the block scalar whose indicator is at `i` ends: the last non-blank
 * before the indicator and its node properties, an anchor and a tag in either order
 * (`script: &build |`, `run: !!str |`). Below `lineStart` when the line holds nothing before.
 */
function beforeProperties(text: string, lineStart: number, i: number): number {
  let k = i - 1;
  for (let properties = 0; ; properties++) {
    while (k >= lineStart && isSpace(text.charCodeAt(k))) k--;
    if (properties === 2 || k < lineStart) return k;
    let start = k;
    while (start > lineStart && !isSpace(text.charCodeAt(start - 1))) start--;
    const c = text.charCodeAt(start);
    // `&` needs a name; `!` alone is the non-specific tag. Neither takes a flow indicator.
    if (!((c === 38 && k > start) || c === 33) || start === lineStart || /[,[\]{}]/.test(text.slice(start, k + 1))) return k;
    k = start - 1;
  }
}

/**
 * At the start of a line (`i`, just after a line break) with bodies pending: consumes them.
 * Returns where code resumes: the line break ending the last terminator line, or (PHP) the
 * character after the terminator.
 */
export function consumePending(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const list = ctx.pending;
  ctx.pending = [];
  let pos = i;
  for (const body of list) {
    pos = body.kind === 'yamlBlock' ? yamlBody(ctx, cs, body, pos, end) : heredocBody(ctx, cs, body, pos, end);
    if (pos >= end) return end;
  }
  return pos;
}

function nextLine(text: string, at: number, end: number): number {
  let j = at;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 10) return j + 1;
    if (c === 13) return text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    j++;
  }
  return end;
}

function heredocBody(ctx: LexContext, cs: CompiledSpec, body: PendingBody, start: number, end: number): number {
  const text = ctx.text;
  let line = start;
  while (line < end) {
    let k = line;
    if (body.indented) while (k < end && isSpace(text.charCodeAt(k))) k++;
    if (text.startsWith(body.word, k)) {
      const after = k + body.word.length;
      const c = after < end ? text.charCodeAt(after) : 10;
      const terminated = body.trailingCode ? !isWordChar(c) : c === 10 || c === 13 || (isSpace(c) && restIsBlank(text, after, end));
      if (terminated) {
        if (!cs.keepStrings) ctx.mask(start, line);
        ctx.lineStart = line;
        return body.trailingCode ? after : ctx.lineEnd(after, end);
      }
    }
    line = nextLine(text, line, end);
  }
  if (!cs.keepStrings) ctx.mask(start, end);
  return end;
}

function restIsBlank(text: string, j: number, end: number): boolean {
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return true;
    if (!isSpace(c)) return false;
    j++;
  }
  return true;
}

function yamlBody(ctx: LexContext, cs: CompiledSpec, body: PendingBody, start: number, end: number): number {
  const text = ctx.text;
  let line = start;
  let lastContentEnd = -1;
  let lastContentStart = start;
  const comments = body.script === undefined ? null : scriptComments(ctx, body.script, body.folded === true);
  while (line < end) {
    let k = line;
    while (k < end && text.charCodeAt(k) === 32) k++;
    const c = k < end ? text.charCodeAt(k) : 10;
    const blank = c === 10 || c === 13 || (isSpace(c) && restIsBlank(text, k, end));
    if (!blank && k - line <= body.parentIndent) break;
    if (!blank) {
      lastContentStart = line;
      lastContentEnd = ctx.lineEnd(k, end);
      comments?.line(k, lastContentEnd);
    }
    line = nextLine(text, line, end);
  }
  if (lastContentEnd < 0) return start;
  comments?.end(lastContentEnd);
  if (!cs.keepStrings) ctx.mask(start, lastContentEnd);
  // Resume at the line break after the value's last line, so trailing blank lines are plain code.
  // (Its line is known here: no search back for a line feed, which a lone \r line break is not.)
  ctx.lineStart = lastContentStart;
  return lastContentEnd;
}
