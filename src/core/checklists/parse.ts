import { globProblem } from '../glob';
import { closest, describeValue, firstColumn, isYamlSequence, markdownParser, normaliseText, parseYamlAt, rootEntries, scalarValue, sequenceItems, splitFrontMatter } from '../constitution/markdown';
import { suggestedId, suggestedPrefix } from '../constitution/idSuggestion';
import { sortProblems } from '../constitution/parse';
import type { Problem } from '../types';
import { ITEM_ID, type Checklist, type ChecklistItem, type ChecklistResult } from './types';

export interface ParseChecklistOptions {
  /** The checklist id (its file name without `.md`). */
  id: string;
  /** Path that problems name. */
  path: string;
  /** `source` of the result: relative path or 'bundled'. */
  source?: string;
  file?: string;
}

const FRONT_MATTER_KEYS = ['title', 'appliesTo'] as const;

/** `[ ]` or `[x]` starting a list item's text: a GitHub task-list item. */
const TASK = /^\[([ xX])\]\s*/;
/** The indented `how:` line under an item. */
const HOW = /^how:\s*/i;
/** A first word that is trying to be an item id (`mig-1`, `MIG_01`, `MIG01`). */
const ID_LIKE = /^([A-Za-z][A-Za-z0-9]*?)[-_]?([0-9]+)[:.]?$/;

/**
 * Parses a checklist (formats.md): front matter `title` and `appliesTo`, then GitHub task items
 * `- [ ] ID text` with an optional indented `how:` line. Never throws; every readable item loads.
 */
export function parseChecklist(text: string, options: ParseChecklistOptions): ChecklistResult {
  const { path, id } = options;
  const normalised = normaliseText(text);
  const lines = normalised.split('\n');
  const front = splitFrontMatter(normalised, path);
  const problems: Problem[] = [...front.problems];
  const meta = readFrontMatter(front.yaml, front.yamlLine, path, id, problems);

  const tokens = markdownParser().parse(front.body, {});
  const items: ChecklistItem[] = [];
  const firstLineOf = new Map<string, number>();
  let firstItemLine: number | undefined;

  tokens.forEach((token, index) => {
    if (token.type !== 'list_item_open' || !token.map) return;
    const inline = tokens[index + 2];
    if (tokens[index + 1]?.type !== 'paragraph_open' || inline?.type !== 'inline') return;
    const task = TASK.exec(inline.content);
    if (!task) return;
    const line = token.map[0] + 1;
    firstItemLine ??= line;
    const sourceLine = lines[token.map[0]] ?? '';
    const [first = '', ...rest] = inline.content.slice(task[0].length).split('\n');
    const word = /^\S*/.exec(first)![0];
    const idColumn = Math.max(1, sourceLine.indexOf(word, sourceLine.indexOf(']') + 1) + 1);
    const at = { path, line, column: word ? idColumn : firstColumn(sourceLine) };
    const itemId = word.replace(/[:.]$/, '');

    if (!ITEM_ID.test(itemId)) {
      const like = ID_LIKE.exec(word);
      const suggestion = like ? suggestedId(like[1], like[2]) : suggestedId(suggestedPrefix(id), String(items.length + 1));
      problems.push({
        ...at,
        message: like
          ? `'${word}' is not a valid item id: ids are capital letters or digits, a hyphen and a number, like '${suggestion}'; this item is ignored`
          : `this item has no id, so its status cannot be tracked: start it with one, like '- [ ] ${suggestion} ${first.trim()}'; it is ignored`,
        severity: 'error',
      });
      return;
    }
    const previous = firstLineOf.get(itemId);
    if (previous !== undefined) {
      problems.push({ ...at, message: `duplicate item id ${itemId} (first used on line ${previous}); this one is ignored`, severity: 'error' });
      return;
    }
    firstLineOf.set(itemId, line);

    const textLines = [first.slice(word.length)];
    let how: string | null = null;
    for (const continuation of rest) {
      if (how === null && HOW.test(continuation.trim())) how = continuation.trim().replace(HOW, '');
      else if (how !== null) how += ` ${continuation.trim()}`;
      else textLines.push(continuation);
    }
    const itemText = textLines.join(' ').replace(/^[\s:.\-–—]+/, '').replace(/\s+/g, ' ').trim();
    if (itemText === '') problems.push({ ...at, message: `item ${itemId} has no text: say what to check after the id`, severity: 'warning' });
    if (how !== null && how.trim() === '') {
      problems.push({ path, line: line + 1, column: 1, message: `the how: line of ${itemId} is empty`, severity: 'warning' });
      how = null;
    }
    items.push({ id: itemId, text: itemText, how: how === null ? null : how.replace(/\s+/g, ' ').trim(), line });
  });

  if (items.length === 0) {
    problems.push({ path, line: 1, column: 1, message: "the checklist has no items: write each as a task item with an id, like '- [ ] MIG-01 The migration can be rolled back'", severity: 'error' });
  }

  const body = front.body.split('\n');
  const checklist: Checklist = {
    id,
    title: meta.title ?? id,
    appliesTo: meta.appliesTo,
    source: options.source ?? path,
    file: options.file ?? path,
    intro: body.slice(0, (firstItemLine ?? body.length + 1) - 1).join('\n').trim(),
    items,
  };
  return { checklist, problems: sortProblems(problems) };
}

function readFrontMatter(yaml: string | null, yamlLine: number, path: string, id: string, problems: Problem[]): { title: string | null; appliesTo: string[] } {
  const result: { title: string | null; appliesTo: string[] } = { title: null, appliesTo: [] };
  const noAppliesTo = (): void => {
    problems.push({ path, line: 1, column: 1, message: `checklist '${id}' has no appliesTo globs in its front matter, so it is never suggested for a file on its own`, severity: 'warning' });
  };
  if (yaml === null || yaml.trim() === '') {
    noAppliesTo();
    return result;
  }
  const parsed = parseYamlAt(yaml, path, yamlLine, 'the front matter');
  problems.push(...parsed.problems);
  if (parsed.value === undefined) return result;
  const report = (node: unknown, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ path, ...parsed.positionOf(node), message, severity });
  };
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    report(parsed.document.contents, 'the front matter must be a mapping of keys (title, appliesTo)');
    return result;
  }
  let sawAppliesTo = false;
  for (const { key, keyNode, valueNode } of rootEntries(parsed.document)) {
    if (key === 'title') {
      const value = scalarValue(valueNode);
      if (typeof value === 'string' && value.trim() !== '') result.title = value.trim();
      else report(valueNode ?? keyNode, `title must be text, not ${describeValue(value)}`);
    } else if (key === 'appliesTo') {
      sawAppliesTo = true;
      if (!isYamlSequence(valueNode) && typeof scalarValue(valueNode) !== 'string') {
        report(valueNode ?? keyNode, `appliesTo must be a list of quoted globs, such as ["**/migrations/**"]`);
        continue;
      }
      for (const node of sequenceItems(valueNode)) {
        const problem = globProblem(scalarValue(node));
        if (problem) report(node, `${problem} (in appliesTo)`);
        else result.appliesTo.push(scalarValue(node) as string);
      }
    } else {
      const suggestion = closest(key, FRONT_MATTER_KEYS);
      report(keyNode, `unknown front matter key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; known keys: ${FRONT_MATTER_KEYS.join(', ')}`, 'warning');
    }
  }
  if (!sawAppliesTo) noAppliesTo();
  result.appliesTo = [...new Set(result.appliesTo)];
  return result;
}
