import type { Problem } from '../types';
import { closest, describeValue, parseYamlAt, rootEntries, scalarValue } from './markdown';

export interface ConstitutionFrontMatter {
  title: string | null;
  version: string | null;
  ratified: string | null;
  lastReviewed: string | null;
}

const KEYS = ['title', 'version', 'ratified', 'lastReviewed'] as const;

/** semver.org's regular expression for a version (2.0.0). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Whether `text` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isSemver(text: string): boolean {
  return SEMVER.test(text);
}

/** Reads and checks the constitution's front matter; bad values are reported and read as null. */
export function readConstitutionFrontMatter(yaml: string | null, yamlLine: number, path: string): { data: ConstitutionFrontMatter; problems: Problem[] } {
  const data: ConstitutionFrontMatter = { title: null, version: null, ratified: null, lastReviewed: null };
  if (yaml === null || yaml.trim() === '') return { data, problems: [] };
  const parsed = parseYamlAt(yaml, path, yamlLine, 'the front matter');
  const problems = [...parsed.problems];
  if (parsed.value === undefined) return { data, problems };
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    problems.push({ path, ...parsed.positionOf(parsed.document.contents), message: 'the front matter must be a mapping of keys (title, version, ratified, lastReviewed)', severity: 'error' });
    return { data, problems };
  }
  const report = (node: unknown, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ path, ...parsed.positionOf(node), message, severity });
  };
  for (const { key, keyNode, valueNode } of rootEntries(parsed.document)) {
    const value = scalarValue(valueNode);
    switch (key) {
      case 'title':
        if (typeof value === 'string' && value.trim() !== '') data.title = value.trim();
        else report(valueNode ?? keyNode, `title must be text, not ${describeValue(value)}`);
        break;
      case 'version':
        if (typeof value === 'string' && isSemver(value)) data.version = value;
        else if (typeof value === 'number') report(valueNode, `version ${String(value)} is not a semantic version: write all three parts, e.g. '${String(value)}${Number.isInteger(value) ? '.0.0' : '.0'}'`);
        else report(valueNode ?? keyNode, `version ${describeValue(value)} is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.3.0)`);
        break;
      case 'ratified':
      case 'lastReviewed':
        if (typeof value === 'string' && isIsoDate(value)) data[key] = value;
        else report(valueNode ?? keyNode, `${key} must be an ISO date (YYYY-MM-DD), not ${describeValue(value)}`);
        break;
      default: {
        const suggestion = closest(key, KEYS);
        report(keyNode, `unknown front matter key '${key}'${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; known keys: ${KEYS.join(', ')}`, 'warning');
      }
    }
  }
  if (data.ratified && data.lastReviewed && data.lastReviewed < data.ratified) {
    const node = rootEntries(parsed.document).find((entry) => entry.key === 'lastReviewed')?.valueNode;
    report(node, `lastReviewed (${data.lastReviewed}) is before ratified (${data.ratified})`, 'warning');
  }
  return { data, problems };
}
