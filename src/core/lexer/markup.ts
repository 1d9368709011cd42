import { compile, type CompiledSpec } from './compile';
import { closedBlock } from './comments';
import { isAsciiLetter, isSpace, type LexContext } from './context';
import { lexMarkdown } from './markdown';

/**
 * Markup hosts: HTML-like documents (HTML, XML, Vue, Svelte) and PHP templates. Only `<!-- -->`
 * is a comment in the markup itself; `<script>` and `<style>` bodies are lexed as the embedded
 * language; body text is never a comment (and is masked unless values are code).
 */
export function lexMarkup(ctx: LexContext, cs: CompiledSpec, start: number, end: number): void {
  switch (cs.spec.markup) {
    case 'php':
      lexPhpHost(ctx, cs, start, end);
      return;
    case 'markdown':
      lexMarkdown(ctx, start, end);
      return;
    default:
      lexTags(ctx, cs, start, end);
  }
}

function lexTags(ctx: LexContext, cs: CompiledSpec, start: number, end: number): void {
  const text = ctx.text;
  const mask = !cs.keepStrings;
  let i = start;
  while (i < end) {
    const lt = text.indexOf('<', i);
    if (lt < 0 || lt >= end) {
      if (mask) ctx.mask(i, end);
      return;
    }
    if (mask) ctx.mask(i, lt);
    if (text.startsWith('<!--', lt)) {
      i = closedBlock(ctx, lt, lt + 4, '-->', end);
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      let k = text.indexOf(']]>', lt + 9);
      if (k < 0 || k > end) k = end;
      if (mask) ctx.mask(lt + 9, k);
      i = Math.min(end, k + 3);
      continue;
    }
    const n = text.charCodeAt(lt + 1);
    if (n === 33 || n === 63 || n === 47) {
      // <!DOCTYPE>, <?xml ?>, </closing>
      const k = text.indexOf('>', lt);
      i = k < 0 || k >= end ? end : k + 1;
      continue;
    }
    i = isAsciiLetter(n) ? tag(ctx, cs, lt, end) : lt + 1;
  }
}

const CLOSERS: Record<string, RegExp> = { script: /<\/script/gi, style: /<\/style/gi };

/** A start tag at `lt`; for `<script>`/`<style>` also the body. Returns where the markup resumes. */
function tag(ctx: LexContext, cs: CompiledSpec, lt: number, end: number): number {
  const text = ctx.text;
  const mask = !cs.keepStrings;
  let j = lt + 1;
  while (j < end && isTagNameChar(text.charCodeAt(j))) j++;
  const name = text.slice(lt + 1, j).toLowerCase();
  const embeds = cs.spec.embedded !== undefined && (name === 'script' || name === 'style');
  let attr = '';
  const attrs: Record<string, string> = {};
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 62) {
      j++;
      break;
    }
    if (c === 47 && text.charCodeAt(j + 1) === 62) return j + 2;
    if (c === 34 || c === 39) {
      let k = text.indexOf(c === 34 ? '"' : "'", j + 1);
      if (k < 0 || k >= end) k = end;
      if (mask) ctx.mask(j + 1, k);
      if (embeds && attr) attrs[attr] = text.slice(j + 1, k).toLowerCase();
      j = Math.min(end, k + 1);
      continue;
    }
    if (c === 61 || isSpace(c) || c === 10 || c === 13) {
      j++;
      continue;
    }
    const s = j;
    while (j < end && !isAttrEnd(text.charCodeAt(j))) j++;
    if (j === s) j++;
    else if (embeds) {
      if (text.charCodeAt(s - 1) === 61) attrs[attr] = text.slice(s, j).toLowerCase();
      else attr = text.slice(s, j).toLowerCase();
    }
  }
  if (!embeds || j >= end) return j;
  const closer = CLOSERS[name];
  closer.lastIndex = j;
  const found = closer.exec(text);
  const bodyEnd = found && found.index < end ? found.index : end;
  const sub = isCode(name, attrs) ? (cs.spec.embedded?.[embeddedKey(name, attrs)] ?? cs.spec.embedded?.[name]) : undefined;
  if (sub) {
    ctx.scanRegion(ctx, compile(sub), j, bodyEnd);
    ctx.resetTokens(ctx.text.lastIndexOf('\n', bodyEnd - 1) + 1);
  } else if (mask) {
    ctx.mask(j, bodyEnd);
  }
  return bodyEnd;
}

/** `script:ts`, `style:scss`... from `lang` or `type`. */
function embeddedKey(name: string, attrs: Record<string, string>): string {
  const lang = attrs.lang ?? '';
  if (lang) return `${name}:${lang === 'typescript' ? 'ts' : lang}`;
  const type = attrs.type ?? '';
  if (type.includes('typescript')) return `${name}:ts`;
  if (type.includes('babel') || type.includes('jsx')) return `${name}:jsx`;
  return name;
}

/** A script whose type is not JavaScript (a template, JSON data) is text. */
function isCode(name: string, attrs: Record<string, string>): boolean {
  const type = attrs.type;
  if (name !== 'script' || type === undefined || type === '') return true;
  return type === 'module' || /(java|ecma|type)script|babel|jsx/.test(type);
}

function isTagNameChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95 || c === 46;
}

function isAttrEnd(c: number): boolean {
  return c === 62 || c === 61 || c === 34 || c === 39 || c === 47 || c === 10 || c === 13 || isSpace(c) || Number.isNaN(c);
}

/** PHP: text outside `<?php ... ?>` is HTML; inside, PHP code up to `?>` (which even ends a `//` comment). */
function lexPhpHost(ctx: LexContext, cs: CompiledSpec, start: number, end: number): void {
  const text = ctx.text;
  const html = cs.spec.embedded?.html;
  const php = cs.spec.embedded?.php;
  let i = start;
  while (i < end) {
    let open = text.indexOf('<?', i);
    if (open < 0 || open > end) open = end;
    if (open > i) {
      if (html) ctx.scanRegion(ctx, compile(html), i, open);
      else if (!cs.keepStrings) ctx.mask(i, open);
    }
    if (open >= end || !php) return;
    let j = open + 2;
    if (text.slice(j, j + 3).toLowerCase() === 'php') j += 3;
    else if (text.charCodeAt(j) === 61) j++;
    ctx.resetTokens(text.lastIndexOf('\n', j - 1) + 1);
    const k = ctx.scanCode(ctx, compile(php), j, end, null);
    i = k < end ? k + 2 : end;
  }
}
