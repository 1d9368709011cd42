import { compileUserPattern } from '../regexSafety';
import { COMMENT_RULE_IDS, isRuleId, RULE_IDS, type RuleId } from '../rules/ids';
import { SEVERITIES, type Problem, type Severity } from '../types';
import { type JsonArray, type JsonNode, type JsonObject, lineColumnAt, parseJsonTree } from './jsonTree';
import type { QaConfig } from './model';
import { editDistance } from '../editDistance';

/**
 * Turns the text of `.quality/config.json` into a QaConfig and a list of problems, each with the
 * line and column of the offending key or value. Never throws: whatever is wrong is reported and
 * left out, and every other key still applies (formats.md).
 */
export interface ConfigValidation {
  config: QaConfig;
  problems: Problem[];
  /** Set when the text is not JSON at all (then `config` is empty). */
  syntaxError?: Problem;
}

/** Flags user patterns are compiled with: phrases are case-insensitive (formats.md). */
export const PHRASE_FLAGS = 'i';
/** Ticket keys are written in capitals (`PROJ-12`); a ticket pattern matches as written. */
export const TICKET_PATTERN_FLAGS = '';

const SETTING_VALUES: readonly string[] = [...SEVERITIES, 'off'];

export interface ValidateOptions {
  /**
   * Every language id a `languages` entry may name; others are a warning. The CLI passes the
   * built-in table's ids. The editor leaves it out: languages contributed by installed extensions
   * become known there only at run time.
   */
  languageIds?: readonly string[];
}

export function validateConfigText(text: string, displayPath: string, options: ValidateOptions = {}): ConfigValidation {
  const parsed = parseJsonTree(text);
  if (!parsed.ok) {
    const { line, column } = lineColumnAt(text, parsed.error.offset);
    const syntaxError: Problem = { path: displayPath, line, column, message: `invalid JSON: ${parsed.error.message}`, severity: 'error' };
    return { config: {}, problems: [syntaxError], syntaxError };
  }
  const validator = new Validator(text, displayPath, options);
  const config = validator.validateRoot(parsed.root);
  return { config, problems: validator.problems };
}

/**
 * Checks configuration keys that come from no file (the editor's settings) exactly as the file's
 * keys are checked, so a wrongly typed or unsafe value is a problem instead of a crash or a
 * surprise: what is valid is returned, and each problem as its message (there is no position).
 */
export function validateConfigValues(values: Record<string, unknown>, options: ValidateOptions = {}): { config: QaConfig; problems: Array<Pick<Problem, 'message' | 'severity'>> } {
  const text = JSON.stringify(values);
  const parsed = parseJsonTree(text);
  // JSON.stringify's output always parses; the guard keeps the types honest.
  if (!parsed.ok) return { config: {}, problems: [{ message: `cannot read the values: ${parsed.error.message}`, severity: 'error' }] };
  const validator = new Validator(text, '', options);
  const config = withoutEmptiedLists(validator.validateRoot(parsed.root));
  return { config, problems: validator.problems.map(({ message, severity }) => ({ message, severity })) };
}

/**
 * A list whose every entry was wrong comes out of the validator empty, and an empty list laid over
 * the team's file would erase the team's own (its ticket patterns, its phrases for a rule): such a
 * key is left out instead, as its problems say.
 */
function withoutEmptiedLists(config: QaConfig): QaConfig {
  const result: QaConfig = { ...config };
  if (result.ticketPatterns?.length === 0) delete result.ticketPatterns;
  if (result.exclude?.length === 0) delete result.exclude;
  if (result.testFiles?.length === 0) delete result.testFiles;
  if (result.phrases) {
    const phrases = Object.fromEntries(Object.entries(result.phrases).filter(([, list]) => list.length > 0));
    if (Object.keys(phrases).length > 0) result.phrases = phrases;
    else delete result.phrases;
  }
  return result;
}

type KeyHandler = (validator: Validator, node: JsonNode, config: QaConfig) => void;

/** Every key of formats.md's configuration, and how to read it. */
const KEYS: Record<string, KeyHandler> = {
  $schema: (v, node) => void v.string(node, '$schema'),
  rules: (v, node, config) => {
    const rules = v.ruleMap(node, 'rules', RULE_IDS, (value, key) => v.severity(value, key));
    if (rules) config.rules = rules;
  },
  phrases: (v, node, config) => {
    const phrases = v.ruleMap(node, 'phrases', COMMENT_RULE_IDS, (value, key) => v.patterns(value, key, PHRASE_FLAGS));
    if (phrases) config.phrases = phrases;
  },
  ticketPatterns: (v, node, config) => {
    const patterns = v.patterns(node, 'ticketPatterns', TICKET_PATTERN_FLAGS);
    if (patterns) config.ticketPatterns = patterns;
  },
  exclude: (v, node, config) => {
    const globs = v.stringArray(node, 'exclude');
    if (globs) config.exclude = globs;
  },
  maxFileSize: (v, node, config) => {
    const size = v.integer(node, 'maxFileSize', 1);
    if (size !== undefined) config.maxFileSize = size;
  },
  sprintLengthDays: (v, node, config) => {
    const days = v.integer(node, 'sprintLengthDays', 1);
    if (days !== undefined) config.sprintLengthDays = days;
  },
  deadlineWarningDays: (v, node, config) => {
    const days = v.integer(node, 'deadlineWarningDays', 0);
    if (days !== undefined) config.deadlineWarningDays = days;
  },
  budgets: (v, node, config) => {
    const budgets = v.stringMap(node, 'budgets', (value, key) => v.integer(value, key, 0));
    if (budgets) config.budgets = budgets;
  },
  languages: (v, node, config) => {
    const languages = v.stringMap(node, 'languages', (value, key) => {
      const id = v.nonEmptyString(value, key);
      if (id !== undefined) v.knownLanguage(value, key, id);
      return id;
    });
    if (languages) config.languages = languages;
  },
  testFiles: (v, node, config) => {
    const globs = v.stringArray(node, 'testFiles');
    if (globs) config.testFiles = globs;
  },
  constitution: (v, node, config) => {
    const file = v.nonEmptyString(node, 'constitution');
    if (file !== undefined) config.constitution = file;
  },
  ticketUrl: (v, node, config) => {
    const url = v.nonEmptyString(node, 'ticketUrl');
    if (url === undefined) return;
    if (!url.includes('{id}')) v.report(node, 'ticketUrl: the URL has no "{id}" placeholder, so every ticket would link to the same page', 'warning');
    config.ticketUrl = url;
  },
  reviews: (v, node, config) => {
    const reviews = v.reviews(node);
    if (reviews) config.reviews = reviews;
  },
};

const REVIEW_KEYS = ['folder', 'base'] as const;

class Validator {
  readonly problems: Problem[] = [];

  constructor(
    private readonly text: string,
    private readonly path: string,
    private readonly options: ValidateOptions = {},
  ) {}

  /** A `languages` value that names no language this run knows: its files would be skipped without a word. */
  knownLanguage(node: JsonNode, key: string, id: string): void {
    const ids = this.options.languageIds;
    if (ids === undefined || ids.includes(id)) return;
    this.report(node, `${key}: "${id}" is not a language qa-lens knows${suggestion(id, ids)}; the entry is ignored: matching files are typed by their name or extension, or skipped when neither is known`, 'warning');
  }

  validateRoot(root: JsonNode): QaConfig {
    const config: QaConfig = {};
    if (root.type !== 'object') {
      this.report(root, `the configuration must be a JSON object, not ${describeType(root)}`);
      return config;
    }
    for (const property of this.uniqueProperties(root, '')) {
      const handler = Object.hasOwn(KEYS, property.key) ? KEYS[property.key] : undefined;
      if (!handler) {
        this.reportAt(property.keyOffset, `unknown key "${property.key}"${suggestion(property.key, Object.keys(KEYS))}; it is ignored`, 'warning');
        continue;
      }
      handler(this, property.value, config);
    }
    return config;
  }

  report(node: JsonNode, message: string, severity: 'error' | 'warning' = 'error'): void {
    this.reportAt(node.offset, message, severity);
  }

  reportAt(offset: number, message: string, severity: 'error' | 'warning' = 'error'): void {
    const { line, column } = lineColumnAt(this.text, offset);
    this.problems.push({ path: this.path, line, column, message, severity });
  }

  /** An object's properties, the last of duplicates winning as in JSON.parse, duplicates reported. */
  uniqueProperties(node: JsonObject, keyPath: string): JsonObject['properties'] {
    const seen = new Map<string, JsonObject['properties'][number]>();
    for (const property of node.properties) {
      if (seen.has(property.key)) this.reportAt(property.keyOffset, `${keyPath}${keyPath ? '.' : ''}${property.key}: duplicate key; the last one applies`, 'warning');
      seen.set(property.key, property);
    }
    return [...seen.values()];
  }

  string(node: JsonNode, key: string): string | undefined {
    if (node.type === 'string') return node.value as string;
    this.report(node, `${key}: expected a string, not ${describeType(node)}`);
    return undefined;
  }

  nonEmptyString(node: JsonNode, key: string): string | undefined {
    const value = this.string(node, key);
    if (value === undefined) return undefined;
    if (value.trim() === '') {
      this.report(node, `${key}: must not be empty`);
      return undefined;
    }
    return value;
  }

  integer(node: JsonNode, key: string, minimum: number): number | undefined {
    if (node.type !== 'number' || !Number.isInteger(node.value) || (node.value as number) < minimum) {
      this.report(node, `${key}: expected ${minimum === 0 ? 'a whole number, 0 or more' : `a whole number, ${minimum} or more`}, not ${describeValue(node)}`);
      return undefined;
    }
    return node.value as number;
  }

  severity(node: JsonNode, key: string): Severity | 'off' | undefined {
    if (node.type === 'string' && SETTING_VALUES.includes(node.value as string)) return node.value as Severity | 'off';
    this.report(node, `${key}: expected one of ${SETTING_VALUES.map((v) => `"${v}"`).join(', ')}, not ${describeValue(node)}`);
    return undefined;
  }

  array(node: JsonNode, key: string): JsonArray | undefined {
    if (node.type === 'array') return node;
    this.report(node, `${key}: expected an array, not ${describeType(node)}`);
    return undefined;
  }

  stringArray(node: JsonNode, key: string): string[] | undefined {
    const array = this.array(node, key);
    if (!array) return undefined;
    const values: string[] = [];
    for (const item of array.items) {
      const value = this.nonEmptyString(item, key);
      if (value !== undefined) values.push(value);
    }
    return values;
  }

  /** User regular expressions: each invalid or unsafe one is a problem and is left out. */
  patterns(node: JsonNode, key: string, flags: string): string[] | undefined {
    const array = this.array(node, key);
    if (!array) return undefined;
    const values: string[] = [];
    for (const item of array.items) {
      const source = this.string(item, key);
      if (source === undefined) continue;
      const compiled = compileUserPattern(source, flags);
      if (compiled.ok) values.push(source);
      else this.report(item, `${key}: ${compiled.reason}`);
    }
    return values;
  }

  object(node: JsonNode, key: string): JsonObject | undefined {
    if (node.type === 'object') return node;
    this.report(node, `${key}: expected an object, not ${describeType(node)}`);
    return undefined;
  }

  /** An object keyed by rule id (`rules`, `phrases`): unknown ids are problems. */
  ruleMap<T>(node: JsonNode, key: string, allowed: readonly RuleId[], read: (value: JsonNode, key: string) => T | undefined): Partial<Record<RuleId, T>> | undefined {
    const object = this.object(node, key);
    if (!object) return undefined;
    const result: Partial<Record<RuleId, T>> = {};
    for (const property of this.uniqueProperties(object, key)) {
      const id = property.key;
      if (!isRuleId(id)) {
        this.reportAt(property.keyOffset, `${key}: unknown rule id "${id}"${suggestion(id, RULE_IDS)}`);
        continue;
      }
      if (!allowed.includes(id)) {
        this.reportAt(property.keyOffset, `${key}: "${id}" is a code rule; phrases apply only to the comment rules (${allowed.join(', ')})`);
        continue;
      }
      const value = read(property.value, `${key}.${id}`);
      if (value !== undefined) result[id] = value;
    }
    return result;
  }

  /** An object keyed by free strings (globs). */
  stringMap<T>(node: JsonNode, key: string, read: (value: JsonNode, key: string) => T | undefined): Record<string, T> | undefined {
    const object = this.object(node, key);
    if (!object) return undefined;
    const result: Record<string, T> = {};
    for (const property of this.uniqueProperties(object, key)) {
      if (property.key.trim() === '') {
        this.reportAt(property.keyOffset, `${key}: an empty glob matches nothing`);
        continue;
      }
      const value = read(property.value, `${key}["${property.key}"]`);
      if (value !== undefined) result[property.key] = value;
    }
    return result;
  }

  reviews(node: JsonNode): QaConfig['reviews'] {
    const object = this.object(node, 'reviews');
    if (!object) return undefined;
    const reviews: NonNullable<QaConfig['reviews']> = {};
    for (const property of this.uniqueProperties(object, 'reviews')) {
      const key = REVIEW_KEYS.find((k) => k === property.key);
      if (!key) {
        this.reportAt(property.keyOffset, `reviews: unknown key "${property.key}"${suggestion(property.key, REVIEW_KEYS)}; it is ignored`, 'warning');
        continue;
      }
      const value = this.nonEmptyString(property.value, `reviews.${key}`);
      if (value !== undefined) reviews[key] = value;
    }
    return reviews;
  }
}

function describeType(node: JsonNode): string {
  switch (node.type) {
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    default:
      return `a ${node.type}`;
  }
}

function describeValue(node: JsonNode): string {
  return node.type === 'object' || node.type === 'array' ? describeType(node) : JSON.stringify(node.value);
}

/** ` (did you mean "x"?)` when a known word is one or two edits away, else ''. */
function suggestion(word: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}
