/**
 * A strict JSON (RFC 8259) parser that keeps the offset of every value and property key, so that a
 * problem in `.quality/config.json` can name its line and column.
 *
 * Why not `jsonc-parser`: its package `main` is a UMD build whose `require` calls esbuild cannot
 * follow, so the bundled CLI fails at run time with "Cannot find module './impl/format'". The
 * grammar is small; this file is the whole of it.
 */

export type JsonNode = JsonObject | JsonArray | JsonScalar;

interface NodeBase {
  /** Offset of the value's first character in the text. */
  offset: number;
  /** Offset just after the value's last character. */
  end: number;
}

export interface JsonProperty {
  key: string;
  keyOffset: number;
  value: JsonNode;
}

export interface JsonObject extends NodeBase {
  type: 'object';
  properties: JsonProperty[];
}

export interface JsonArray extends NodeBase {
  type: 'array';
  items: JsonNode[];
}

export interface JsonScalar extends NodeBase {
  type: 'string' | 'number' | 'boolean' | 'null';
  value: string | number | boolean | null;
}

export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export type JsonParseResult = { ok: true; root: JsonNode } | { ok: false; error: JsonSyntaxError };

class SyntaxFailure extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

/** Parses `text` (a leading BOM is allowed and skipped); never throws. */
export function parseJsonTree(text: string): JsonParseResult {
  const parser = new Parser(text);
  try {
    return { ok: true, root: parser.parseDocument() };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: { offset: error.offset, message: error.message } };
    throw error;
  }
}

/** The plain JavaScript value of a node (what JSON.parse would give). */
export function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      for (const property of node.properties) result[property.key] = nodeValue(property.value);
      return result;
    }
    case 'array':
      return node.items.map(nodeValue);
    default:
      return node.value;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
// Nesting deeper than this is no configuration anyone wrote by hand; stopping keeps the stack safe.
const MAX_DEPTH = 200;

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  parseDocument(): JsonNode {
    this.skipWhitespace();
    if (this.pos >= this.text.length) throw new SyntaxFailure(this.pos, 'the file is empty: expected a JSON object');
    const root = this.parseValue();
    this.skipWhitespace();
    if (this.pos < this.text.length) throw new SyntaxFailure(this.pos, `unexpected ${this.describeHere()} after the end of the JSON value`);
    return root;
  }

  private parseValue(): JsonNode {
    const ch = this.text[this.pos];
    switch (ch) {
      case '{':
        return this.nested(() => this.parseObject());
      case '[':
        return this.nested(() => this.parseArray());
      case '"': {
        const offset = this.pos;
        const value = this.parseString();
        return { type: 'string', value, offset, end: this.pos };
      }
      case 't':
        return this.parseLiteral('true', true);
      case 'f':
        return this.parseLiteral('false', false);
      case 'n':
        return this.parseLiteral('null', null);
      default:
        if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.parseNumber();
        throw new SyntaxFailure(this.pos, `expected a value but found ${this.describeHere()}`);
    }
  }

  private nested(parse: () => JsonNode): JsonNode {
    if (++this.depth > MAX_DEPTH) throw new SyntaxFailure(this.pos, `values are nested more than ${MAX_DEPTH} deep`);
    const node = parse();
    this.depth--;
    return node;
  }

  private parseObject(): JsonObject {
    const offset = this.pos++;
    const properties: JsonProperty[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { type: 'object', properties, offset, end: this.pos };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') {
        const trailingComma = this.text[this.pos] === '}' && properties.length > 0;
        throw new SyntaxFailure(this.pos, trailingComma ? 'trailing comma before "}"' : `expected a property name in double quotes but found ${this.describeHere()}`);
      }
      const keyOffset = this.pos;
      const key = this.parseString();
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') throw new SyntaxFailure(this.pos, `expected ":" after "${key}" but found ${this.describeHere()}`);
      this.pos++;
      this.skipWhitespace();
      const value = this.parseValue();
      properties.push({ key, keyOffset, value });
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === '}') {
        this.pos++;
        return { type: 'object', properties, offset, end: this.pos };
      }
      throw new SyntaxFailure(this.pos, `expected "," or "}" but found ${this.describeHere()}`);
    }
  }

  private parseArray(): JsonArray {
    const offset = this.pos++;
    const items: JsonNode[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { type: 'array', items, offset, end: this.pos };
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === ']' && items.length > 0) throw new SyntaxFailure(this.pos, 'trailing comma before "]"');
      items.push(this.parseValue());
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ',') {
        this.pos++;
        continue;
      }
      if (next === ']') {
        this.pos++;
        return { type: 'array', items, offset, end: this.pos };
      }
      throw new SyntaxFailure(this.pos, `expected "," or "]" but found ${this.describeHere()}`);
    }
  }

  private parseString(): string {
    const start = this.pos++;
    let result = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) throw new SyntaxFailure(start, 'unterminated string');
      if (ch === '"') {
        this.pos++;
        return result;
      }
      if (ch === '\\') {
        const escape = this.text[this.pos + 1];
        if (escape === 'u') {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxFailure(this.pos, 'invalid \\u escape: expected four hexadecimal digits');
          result += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
          continue;
        }
        const decoded = escape === undefined ? undefined : ESCAPES[escape];
        if (decoded === undefined) {
          throw new SyntaxFailure(this.pos, `invalid escape "\\${escape ?? ''}" in a string (a regular expression's backslash is written "\\\\" in JSON)`);
        }
        result += decoded;
        this.pos += 2;
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) throw new SyntaxFailure(this.pos, ch === '\n' || ch === '\r' ? 'unterminated string (line break inside a string)' : 'control character inside a string');
      result += ch;
      this.pos++;
    }
  }

  private parseNumber(): JsonScalar {
    const offset = this.pos;
    const match = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    match.lastIndex = this.pos;
    const found = match.exec(this.text);
    if (!found) throw new SyntaxFailure(this.pos, `invalid number`);
    this.pos += found[0].length;
    const after = this.text[this.pos];
    if (after !== undefined && /[0-9A-Za-z.]/.test(after)) throw new SyntaxFailure(offset, 'invalid number');
    return { type: 'number', value: Number(found[0]), offset, end: this.pos };
  }

  private parseLiteral(word: string, value: boolean | null): JsonScalar {
    const offset = this.pos;
    if (!this.text.startsWith(word, this.pos)) throw new SyntaxFailure(this.pos, `expected a value but found ${this.describeHere()}`);
    this.pos += word.length;
    return { type: value === null ? 'null' : 'boolean', value, offset, end: this.pos };
  }

  private skipWhitespace(): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        this.pos++;
      } else if (ch === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*')) {
        // Comments are a common slip (VS Code's JSON-with-comments habits); name them precisely.
        throw new SyntaxFailure(this.pos, 'comments are not allowed in JSON');
      } else {
        return;
      }
    }
  }

  private describeHere(): string {
    if (this.pos >= this.text.length) return 'the end of the file';
    const ch = this.text.slice(this.pos, this.pos + 1);
    const word = /^[A-Za-z_][\w]*/.exec(this.text.slice(this.pos, this.pos + 40));
    return word ? `"${word[0]}"` : JSON.stringify(ch);
  }
}

/** 1-based line and column (UTF-16 code units) of `offset` in `text`; lines end at \n, \r\n or \r. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  // A BOM is not a column anyone sees in an editor.
  const bom = line === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { line, column: offset - lineStart + 1 - bom };
}
