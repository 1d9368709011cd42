// Reads the checklist state file's text (formats.md): the valid document, and every problem
// at its line and column, so a file damaged by hand or by another tool is shown where it is wrong.
import { type JsonNode, lineColumnAt, nodeValue, parseJsonTree } from '../config/jsonTree';
import { readChecklistStateDocument, validateItemState, type ChecklistStateDocument } from './status';

/** A problem in the state file; line and column are 1-based. */
export interface StateFileProblem {
  line: number;
  column: number;
  message: string;
}

export interface ReadStateFile {
  /** What is valid in the file (everything, when there are no problems). */
  document: ChecklistStateDocument;
  problems: StateFileProblem[];
}

/** Levels under `entries`: folder, branch, file, checklist, then the item's state. */
const LEVELS = ['workspace folder', 'branch', 'file', 'checklist', 'item'];

/** Never throws: a file that is not JSON at all is one problem and an empty document. */
export function readStateFile(text: string): ReadStateFile {
  const parsed = parseJsonTree(text);
  if (!parsed.ok) {
    const document = readChecklistStateDocument(undefined).document;
    return { document, problems: [{ ...lineColumnAt(text, parsed.error.offset), message: `not valid JSON: ${parsed.error.message}` }] };
  }
  // The values come from JSON.parse, not the tree: a key named `__proto__` must stay a plain key.
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  const { document } = readChecklistStateDocument(data);
  const problems: StateFileProblem[] = [];
  const at = (node: { offset: number }, message: string): void => {
    problems.push({ ...lineColumnAt(text, node.offset), message });
  };
  const root = parsed.root;
  const version = root.type === 'object' ? root.properties.find((p) => p.key === 'version') : undefined;
  if (root.type !== 'object' || version?.value.type !== 'number' || version.value.value !== 1) {
    at(version?.value ?? root, 'not a version 1 checklist state document ({"version": 1, "entries": {...}})');
    return { document, problems };
  }
  const entries = root.properties.find((p) => p.key === 'entries');
  if (entries) walk(entries.value, [], at);
  return { document, problems };
}

function walk(node: JsonNode, path: string[], at: (node: JsonNode, message: string) => void): void {
  if (path.length === LEVELS.length) {
    const problem = validateItemState(nodeValue(node));
    if (problem) at(culprit(node, problem), `${path.join(' / ')}: ${problem}`);
    return;
  }
  if (node.type !== 'object') {
    at(node, `${path.join(' / ') || 'entries'}: expected an object keyed by ${LEVELS[path.length]}`);
    return;
  }
  for (const property of node.properties) walk(property.value, [...path, property.key], at);
}

/** Where in an item state a problem is: its status, its reason, or the state as a whole. */
function culprit(node: JsonNode, problem: string): JsonNode {
  if (node.type !== 'object') return node;
  const value = (key: string): JsonNode | undefined => node.properties.find((p) => p.key === key)?.value;
  const named = /^(status|reason|updated) /.exec(problem)?.[1];
  if (named) return value(named) ?? node;
  // The reason rules ('deviates' needs a reason, too long, one line): the reason, else the status.
  return value('reason') ?? value('status') ?? node;
}
