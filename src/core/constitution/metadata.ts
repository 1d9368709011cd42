import { globProblem } from '../glob';
import { isRuleId, RULE_IDS, type RuleId } from '../rules/ids';
import type { Problem } from '../types';
import { closest, describeValue, isYamlMapping, isYamlSequence, parseYamlAt, rootEntries, scalarValue, sequenceItems } from './markdown';
import { EVERYTHING, PRINCIPLE_LEVELS, PRINCIPLE_STATUSES, type PrincipleLevel, type PrincipleStatus } from './types';

/** The metadata a principle carries, with the defaults of formats.md filled in. */
export interface PrincipleMetadata {
  level: PrincipleLevel;
  appliesTo: string[];
  rules: RuleId[];
  checklists: string[];
  status: PrincipleStatus;
}

export const METADATA_KEYS = ['level', 'appliesTo', 'rules', 'checklists', 'status'] as const;

export function defaultMetadata(): PrincipleMetadata {
  return { level: 'should', appliesTo: [...EVERYTHING], rules: [], checklists: [], status: 'active' };
}

/** `<!-- qa:` opening a metadata comment. */
export const METADATA_OPENING = /^(\s*<!--\s*qa:)/;

/** A checklist id is a file name under .quality/checklists/ without `.md`. */
const CHECKLIST_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Reads the `<!-- qa: { ... } -->` comment spanning `lines` (the html_block's source lines, the
 * first at file line `firstLine`). Each bad value is reported where it is written and replaced by
 * its default, so one typo never costs the principle its other settings.
 */
export function readMetadata(lines: readonly string[], firstLine: number, path: string, principleId: string): { metadata: PrincipleMetadata; problems: Problem[] } {
  const metadata = defaultMetadata();
  const problems: Problem[] = [];
  const source = lines.join('\n');
  const opening = METADATA_OPENING.exec(source);
  if (!opening) return { metadata, problems };
  const close = source.indexOf('-->', opening[1].length);
  if (close < 0) {
    problems.push({ path, line: firstLine, column: 1, message: `the qa metadata of ${principleId} is never closed with '-->'`, severity: 'error' });
    return { metadata, problems };
  }
  // Blank the comment syntax with spaces rather than cutting it, so YAML columns are file columns.
  const yaml = ' '.repeat(opening[1].length) + source.slice(opening[1].length, close);
  const parsed = parseYamlAt(yaml, path, firstLine, `the qa metadata of ${principleId}`);
  problems.push(...parsed.problems);
  if (parsed.value === undefined || parsed.value === null) return { metadata, problems };
  const report = (node: unknown, message: string): void => {
    problems.push({ path, ...parsed.positionOf(node), message, severity: 'error' });
  };
  if (!isYamlMapping(parsed.document.contents)) {
    report(parsed.document.contents, `the qa metadata of ${principleId} must be a mapping such as { level: must, rules: [swallowed-error] }, not ${describeValue(parsed.value)}`);
    return { metadata, problems };
  }

  for (const { key, keyNode, valueNode } of rootEntries(parsed.document)) {
    switch (key) {
      case 'level': {
        const value = scalarValue(valueNode);
        if (typeof value === 'string' && (PRINCIPLE_LEVELS as readonly string[]).includes(value)) metadata.level = value as PrincipleLevel;
        else report(valueNode ?? keyNode, `level must be ${PRINCIPLE_LEVELS.join(', ')}, not ${describeValue(value)} (${principleId} is read as 'should')`);
        break;
      }
      case 'status': {
        const value = scalarValue(valueNode);
        if (typeof value === 'string' && (PRINCIPLE_STATUSES as readonly string[]).includes(value)) metadata.status = value as PrincipleStatus;
        else report(valueNode ?? keyNode, `status must be ${PRINCIPLE_STATUSES.join(' or ')}, not ${describeValue(value)} (${principleId} is read as 'active')`);
        break;
      }
      case 'appliesTo': {
        const globs = stringList(valueNode, keyNode, 'appliesTo', report).filter(({ text, node }) => {
          const problem = globProblem(text);
          if (problem) report(node, `${problem} (in appliesTo of ${principleId})`);
          return problem === null;
        });
        if (globs.length > 0) metadata.appliesTo = unique(globs.map((glob) => glob.text));
        else if (isYamlSequence(valueNode) && sequenceItems(valueNode).length === 0) {
          report(valueNode, `appliesTo of ${principleId} is empty, so it would apply to no file: remove the key to apply it everywhere`);
        }
        break;
      }
      case 'rules': {
        const rules = stringList(valueNode, keyNode, 'rules', report).filter(({ text, node }) => {
          if (isRuleId(text)) return true;
          const suggestion = closest(text, RULE_IDS);
          report(node, `unknown rule id '${text}' in ${principleId}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; rule ids are: ${RULE_IDS.join(', ')}`);
          return false;
        });
        metadata.rules = unique(rules.map((rule) => rule.text as RuleId));
        break;
      }
      case 'checklists': {
        const checklists = stringList(valueNode, keyNode, 'checklists', report).filter(({ text, node }) => {
          if (CHECKLIST_ID.test(text)) return true;
          report(node, `'${text}' is not a checklist id: use the checklist's file name under .quality/checklists/ without '.md'`);
          return false;
        });
        metadata.checklists = unique(checklists.map((checklist) => checklist.text));
        break;
      }
      default: {
        const suggestion = closest(key, METADATA_KEYS);
        report(keyNode, `unknown key '${key}' in the qa metadata of ${principleId}${suggestion ? ` (did you mean '${suggestion}'?)` : ''}; known keys: ${METADATA_KEYS.join(', ')}`);
      }
    }
  }
  return { metadata, problems };
}

/** The strings of a list value (a single string is read as a list of one); others are reported. */
function stringList(valueNode: unknown, keyNode: unknown, key: string, report: (node: unknown, message: string) => void): { text: string; node: unknown }[] {
  if (!isYamlSequence(valueNode) && typeof scalarValue(valueNode) !== 'string') {
    report(valueNode ?? keyNode, `${key} must be a list such as [a, b], not ${describeValue(scalarValue(valueNode) ?? (isYamlMapping(valueNode) ? {} : null))}`);
    return [];
  }
  const result: { text: string; node: unknown }[] = [];
  for (const node of sequenceItems(valueNode)) {
    const value = scalarValue(node);
    if (typeof value === 'string' && value.trim() !== '') result.push({ text: value, node });
    else if (typeof value === 'string') report(node, `${key} must not contain an empty string`);
    else report(node, `${key} must list text values, not ${describeValue(value ?? (isYamlSequence(node) ? [] : isYamlMapping(node) ? {} : null))}`);
  }
  return result;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
