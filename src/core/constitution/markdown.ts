import MarkdownIt from 'markdown-it';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Problem } from '../types';
import { editDistance } from '../editDistance';

/**
 * Markdown and YAML plumbing shared by the constitution and checklist parsers: front matter, YAML
 * whose positions are translated to file coordinates, and a markdown-it instance that keeps HTML
 * blocks (the `<!-- qa: ... -->` metadata is one).
 */

export type Markdown = ReturnType<typeof MarkdownIt>;
export type MarkdownToken = MarkdownIt.Token;

let markdown: Markdown | undefined;

/** markdown-it with HTML blocks on: the `<!-- qa: -->` comments must come out as html_block tokens. */
export function markdownParser(): Markdown {
  return (markdown ??= new MarkdownIt({ html: true }));
}

/** `\r\n` and `\r` become `\n` and a BOM goes, so line numbers and columns match what editors show. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export interface FrontMatter {
  /** The YAML between the fences, or null when the file has none. */
  yaml: string | null;
  /** 1-based file line of the YAML's first line. */
  yamlLine: number;
  /** The whole text with the front-matter lines blanked, so Markdown token lines are file lines. */
  body: string;
  problems: Problem[];
}

const OPENING_FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;

/** Splits YAML front matter (`---` on the first line, up to the next `---` or `...`) from the body. */
export function splitFrontMatter(text: string, path: string): FrontMatter {
  const lines = text.split('\n');
  if (!OPENING_FENCE.test(lines[0] ?? '')) return { yaml: null, yamlLine: 1, body: text, problems: [] };
  const close = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (close < 0) {
    return {
      yaml: null,
      yamlLine: 1,
      body: text,
      problems: [{ path, line: 1, column: 1, message: "front matter opened with '---' on line 1 is never closed: add a '---' line after it", severity: 'error' }],
    };
  }
  const yaml = lines.slice(1, close).join('\n');
  const body = lines.map((line, index) => (index <= close ? '' : line)).join('\n');
  return { yaml, yamlLine: 2, body, problems: [] };
}

/** Parsed YAML plus the means to point at any of its nodes in the file. */
export interface YamlAt {
  /** The document as plain data; undefined when it could not be parsed at all. */
  value: unknown;
  document: Document;
  problems: Problem[];
  /** File position (1-based line and column) of a node, or of the YAML's start when unknown. */
  positionOf(node: unknown): { line: number; column: number };
}

/**
 * Parses YAML that starts on file line `firstLine`, where every character sits in the column it
 * has in the file (callers blank out surrounding syntax with spaces rather than cutting it), so a
 * YAML position maps to the file by adding the line offset only. Never throws: syntax errors come
 * back as problems at their position.
 */
export function parseYamlAt(yaml: string, path: string, firstLine: number, what: string): YamlAt {
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  const toFile = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, yaml.length)));
    return { line: firstLine + line - 1, column: col };
  };
  const problems: Problem[] = [...document.errors, ...document.warnings].map((error) => ({
    path,
    ...toFile(error.pos[0]),
    message: `invalid YAML in ${what}: ${firstSentence(error.message)}`,
    severity: document.errors.includes(error as never) ? 'error' : 'warning',
  }));
  let value: unknown;
  if (document.errors.length === 0) {
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({ path, line: firstLine, column: 1, message: `invalid YAML in ${what}: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' });
    }
  }
  const positionOf = (node: unknown): { line: number; column: number } => {
    const range = (node as YamlNode | undefined)?.range;
    if (Array.isArray(range)) return toFile(range[0]);
    const start = yaml.search(/\S/);
    return toFile(start < 0 ? 0 : start);
  };
  return { value, document, problems, positionOf };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/** A key of a YAML mapping with the nodes to point problems at. */
export interface YamlEntry {
  key: string;
  keyNode: unknown;
  valueNode: unknown;
}

/** The entries of the document's root mapping (empty when the root is not a mapping). */
export function rootEntries(document: Document): YamlEntry[] {
  const root = document.contents;
  if (!isMap(root)) return [];
  return root.items.map((pair) => ({
    key: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
    keyNode: pair.key,
    valueNode: pair.value,
  }));
}

/** The items of a sequence node, or the node itself when it is a single scalar. */
export function sequenceItems(node: unknown): unknown[] {
  if (isSeq(node)) return node.items;
  return node === null || node === undefined ? [] : [node];
}

export function isYamlSequence(node: unknown): boolean {
  return isSeq(node);
}

export function isYamlMapping(node: unknown): boolean {
  return isMap(node);
}

/** A scalar node's value (undefined for collections). */
export function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined;
}

/** 1-based column of the first non-space character of a line. */
export function firstColumn(line: string): number {
  const index = line.search(/\S/);
  return index < 0 ? 1 : index + 1;
}

/** Human wording for a value in a problem message. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}

/** The closest of `candidates` to `word` when it is plausibly a typo of it. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
