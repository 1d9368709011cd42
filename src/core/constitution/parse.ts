import type { Problem } from '../types';
import { readConstitutionFrontMatter } from './frontMatter';
import { classifyHeading } from './heading';
import { principleHash } from './lifecycle';
import { firstColumn, markdownParser, normaliseText, splitFrontMatter, type MarkdownToken } from './markdown';
import { defaultMetadata, METADATA_OPENING, readMetadata } from './metadata';
import type { Constitution, ConstitutionResult, Principle } from './types';

export interface ParseConstitutionOptions {
  /** Path that problems name: relative to the root, '/' separators. */
  path: string;
  /** `source` of the result: the relative path, or 'bundled'. */
  source?: string;
  /** Absolute path of the file, for editors that open it. */
  file?: string;
}

/** A top-level level-1 or level-2 heading and the tokens up to the next one. */
interface Section {
  level: 1 | 2;
  text: string;
  /** 0-based line of the heading and the first line after it. */
  headingLine: number;
  afterHeading: number;
  /** 0-based line where the next section starts (or the line count). */
  end: number;
  /** Token indexes: the heading_open, and the first token of the next section. */
  firstToken: number;
  endToken: number;
}

/**
 * Parses a constitution (formats.md). Never throws: what is wrong becomes a problem at its line
 * and column, and every principle that can be read is returned.
 */
export function parseConstitution(text: string, options: ParseConstitutionOptions): ConstitutionResult {
  const { path } = options;
  const normalised = normaliseText(text);
  const lines = normalised.split('\n');
  const front = splitFrontMatter(normalised, path);
  const meta = readConstitutionFrontMatter(front.yaml, front.yamlLine, path);
  const problems: Problem[] = [...front.problems, ...meta.problems];

  const tokens = markdownParser().parse(front.body, {});
  const sections = findSections(tokens, lines.length);
  const usedMetadata = new Set<number>();
  const principles: Principle[] = [];
  const firstLineOf = new Map<string, number>();

  for (const section of sections.filter((s) => s.level === 2)) {
    const heading = classifyHeading(section.text);
    const metadataToken = tokens[section.firstToken + 3];
    const hasMetadata = metadataToken?.type === 'html_block' && METADATA_OPENING.test(metadataToken.content);
    if (hasMetadata) usedMetadata.add(section.firstToken + 3);
    const at = { path, line: section.headingLine + 1, column: firstColumn(lines[section.headingLine] ?? '') };

    if (heading.kind === 'near-miss') {
      problems.push({ ...at, message: `'${heading.word}' looks like a principle id but is not one: ids are capital letters or digits, a hyphen and a number (like '${heading.suggestion}'), so this section is not read as a principle`, severity: 'error' });
      continue;
    }
    if (heading.kind === 'marked-up') {
      problems.push({ ...at, message: `the principle id in '${heading.word}' is inside Markdown markup, so this section is not read as a principle: start the heading with the id as plain text, '## ${heading.id} …'`, severity: 'error' });
      continue;
    }
    if (heading.kind === 'section') {
      if (hasMetadata) {
        problems.push({ ...at, message: `the heading '${section.text}' has qa metadata but no principle id: start it with one, e.g. '## ENG-${String(principles.length + 1).padStart(2, '0')} ${section.text}'`, severity: 'error' });
      }
      continue;
    }
    const firstLine = firstLineOf.get(heading.id);
    if (firstLine !== undefined) {
      problems.push({ ...at, message: `duplicate principle id ${heading.id} (first used on line ${firstLine}); this one is ignored`, severity: 'error' });
      continue;
    }
    firstLineOf.set(heading.id, at.line);
    if (heading.title === '') problems.push({ ...at, message: `principle ${heading.id} has no title: write it after the id on the heading line`, severity: 'warning' });

    const read = hasMetadata && metadataToken.map
      ? readMetadata(lines.slice(metadataToken.map[0], metadataToken.map[1]), metadataToken.map[0] + 1, path, heading.id)
      : { metadata: defaultMetadata(), problems: [] };
    problems.push(...read.problems);
    const bodyStart = hasMetadata && metadataToken.map ? metadataToken.map[1] : section.afterHeading;
    const body = trimBlankLines(lines.slice(bodyStart, section.end)).join('\n');
    principles.push({
      id: heading.id,
      title: heading.title,
      ...read.metadata,
      body,
      howToCheck: findHowToCheck(tokens, section.firstToken, section.endToken),
      line: section.headingLine + 1,
      endLine: lastNonBlankLine(lines, section.headingLine, section.end),
      hash: principleHash(heading.id, heading.title, read.metadata, body),
    });
  }

  tokens.forEach((token, index) => {
    if (token.type === 'html_block' && METADATA_OPENING.test(token.content) && !usedMetadata.has(index) && token.map) {
      problems.push({ path, line: token.map[0] + 1, column: firstColumn(lines[token.map[0]] ?? ''), message: 'this qa metadata comment is not directly under a principle heading, so it is ignored', severity: 'warning' });
    }
  });
  if (principles.length === 0) {
    problems.push({ path, line: 1, column: 1, message: "the constitution has no principles: each is a level-2 heading that starts with an id, like '## ENG-01 Fail loudly'", severity: 'error' });
  }

  const firstPrinciple = principles[0]?.line ?? lines.length + 1;
  const h1 = sections.find((s) => s.level === 1);
  const constitution: Constitution = {
    source: options.source ?? path,
    file: options.file ?? path,
    title: meta.data.title ?? h1?.text ?? null,
    version: meta.data.version,
    ratified: meta.data.ratified,
    lastReviewed: meta.data.lastReviewed,
    intro: trimBlankLines(front.body.split('\n').slice(0, firstPrinciple - 1)).join('\n'),
    principles,
  };
  return { constitution, problems: sortProblems(problems) };
}

function findSections(tokens: MarkdownToken[], lineCount: number): Section[] {
  const sections: Section[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open' || token.level !== 0 || (token.tag !== 'h1' && token.tag !== 'h2') || !token.map) return;
    const previous = sections[sections.length - 1];
    if (previous) {
      previous.end = token.map[0];
      previous.endToken = index;
    }
    sections.push({
      level: token.tag === 'h1' ? 1 : 2,
      text: tokens[index + 1]?.content.trim() ?? '',
      headingLine: token.map[0],
      afterHeading: token.map[1],
      end: lineCount,
      firstToken: index,
      endToken: tokens.length,
    });
  });
  return sections;
}

const HOW_TO_CHECK = /\*\*How to check:?\*\*:?/i;
/** Another bold label at the start of a line (`**Why:**`) ends the How to check text. */
const NEXT_LABEL = /\n\s*\*\*[^*\n]+:\*\*|\n\s*\*\*[^*\n]+\*\*:/;

/** The text of the `**How to check:**` paragraph, on one line; a list right under an empty one is joined. */
function findHowToCheck(tokens: MarkdownToken[], from: number, to: number): string | null {
  for (let index = from; index < to; index++) {
    const token = tokens[index];
    if (token.type !== 'inline') continue;
    const match = HOW_TO_CHECK.exec(token.content);
    if (!match) continue;
    let text = token.content.slice(match.index + match[0].length);
    const next = NEXT_LABEL.exec(text);
    if (next) text = text.slice(0, next.index);
    text = oneLine(text);
    if (text === '') text = listTextAfter(tokens, index, to);
    return text === '' ? null : text;
  }
  return null;
}

function listTextAfter(tokens: MarkdownToken[], index: number, to: number): string {
  // inline, paragraph_close, then a list?
  const listOpen = tokens[index + 2];
  if (!listOpen || (listOpen.type !== 'bullet_list_open' && listOpen.type !== 'ordered_list_open')) return '';
  const items: string[] = [];
  for (let i = index + 3; i < to; i++) {
    const token = tokens[i];
    if (token.level <= listOpen.level && token.type.endsWith('_list_close')) break;
    if (token.type === 'inline') items.push(oneLine(token.content));
  }
  return items.join(' ');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start].trim() === '') start++;
  while (end > start && lines[end - 1].trim() === '') end--;
  return lines.slice(start, end);
}

/** 1-based number of the last non-blank line in [from, to), at least the heading's own line. */
function lastNonBlankLine(lines: string[], from: number, to: number): number {
  for (let index = Math.min(to, lines.length) - 1; index > from; index--) {
    if (lines[index].trim() !== '') return index + 1;
  }
  return from + 1;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
}
