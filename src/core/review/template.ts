import { isScalar, isSeq, parseDocument } from 'yaml';
import type { Problem } from '../types';

/** Where a template came from, so the UI can say "bundled" or name the file. */
export type TemplateSource = 'bundled' | 'repository' | 'github';

/** A review template: `.quality/templates/<id>.md`, a bundled one, or a GitHub PR template. */
export interface ReviewTemplate {
  id: string;
  name: string;
  description: string;
  /** Principle ids the template quotes whatever the diff touches. */
  principles: string[];
  /** Checklist ids the template quotes whatever the diff touches. */
  checklists: string[];
  /** The Markdown body with `{{placeholders}}`. */
  body: string;
  /** 1-based line of the body's first line in the file, so problems point into the file. */
  bodyLine: number;
  source: TemplateSource;
  /** Absolute path of the file. */
  path: string;
  /**
   * Where each id of `principles` and `checklists` is written in the file (its first entry), so a
   * problem about one (an id the repository does not have) points at its line, not the file's top.
   */
  referencePositions?: { principles: ReadonlyMap<string, TemplatePosition>; checklists: ReadonlyMap<string, TemplatePosition> };
}

/** 1-based line and column in a template file. */
export interface TemplatePosition {
  line: number;
  column: number;
}

const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
const KNOWN_KEYS = new Set(['name', 'description', 'principles', 'checklists']);

/**
 * Parses a template file. Problems (bad YAML, wrong types, unknown keys) are reported with the
 * file's line and column, and the template still works with what could be read: a broken front
 * matter never hides the template.
 */
export function parseTemplate(text: string, id: string, path: string, source: TemplateSource, displayPath = path): { template: ReviewTemplate; problems: Problem[] } {
  const problems: Problem[] = [];
  const template: ReviewTemplate = { id, name: id, description: '', principles: [], checklists: [], body: text, bodyLine: 1, source, path };
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    // An opening `---` with no closing one: the whole file is the body, name and all; say why.
    // GitHub pull-request templates have no front matter: there `---` is a horizontal rule.
    if (source !== 'github' && /^---[ \t]*\r?\n/.test(text)) problems.push({ path: displayPath, line: 1, column: 1, message: "the front matter is never closed with a '---' line, so it is read as part of the template's text", severity: 'warning' });
    return { template, problems };
  }
  const yamlText = match[1] ?? '';
  template.body = text.slice(match[0].length);
  template.bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  const doc = parseDocument(yamlText, { prettyErrors: false });
  const position = (offset: number | undefined): TemplatePosition => {
    const before = yamlText.slice(0, offset ?? 0).split('\n');
    return { line: before.length + 1, column: (before[before.length - 1]?.length ?? 0) + 1 };
  };
  for (const error of doc.errors) {
    problems.push({ path: displayPath, ...position(error.pos[0]), message: `front matter: ${error.message.split('\n')[0] ?? 'invalid YAML'}`, severity: 'error' });
  }
  if (doc.errors.length > 0) return { template, problems };
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return { template, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ path: displayPath, line: 2, column: 1, message: 'front matter must be a mapping (name, description, principles, checklists)', severity: 'error' });
    return { template, problems };
  }
  const keyOffset = (key: string): number | undefined => {
    const index = yamlText.search(new RegExp(`^${key}\\s*:`, 'm'));
    return index < 0 ? undefined : index;
  };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const at = position(keyOffset(key));
    if (!KNOWN_KEYS.has(key)) {
      problems.push({ path: displayPath, ...at, message: `unknown front matter key '${key}' (known: name, description, principles, checklists)`, severity: 'warning' });
    } else if (key === 'name' || key === 'description') {
      if (typeof value === 'string') template[key] = value.trim();
      else problems.push({ path: displayPath, ...at, message: `${key} must be text`, severity: 'error' });
    } else {
      const field = key === 'principles' ? 'principles' : 'checklists';
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        template[field].push(...value);
        const offsets = itemOffsets(doc.get(key, true), value.length);
        const positions = new Map<string, TemplatePosition>();
        for (const [index, id] of value.entries()) {
          const offset = offsets[index];
          if (!positions.has(id)) positions.set(id, offset === undefined ? at : position(offset));
        }
        template.referencePositions = { principles: new Map(), checklists: new Map(), ...template.referencePositions, [field]: positions };
      } else problems.push({ path: displayPath, ...at, message: `${key} must be a list of ids, e.g. [ENG-02]`, severity: 'error' });
    }
  }
  return { template, problems };
}

/** Where each item of a list node starts in the YAML text (block or flow style); undefined where unknown. */
function itemOffsets(node: unknown, count: number): (number | undefined)[] {
  const items = isSeq(node) ? node.items : [];
  return Array.from({ length: count }, (_, i) => {
    const item = items[i];
    return isScalar(item) && item.range ? item.range[0] : undefined;
  });
}
