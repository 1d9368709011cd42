import { strict as assert } from 'node:assert';
import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import Ajv from 'ajv';
import { validateConfigText } from '../../../src/core/config/validate';
import { COMMENT_RULE_IDS, RULE_IDS } from '../../../src/core/rules/ids';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SCHEMA_FILE = path.join(REPO, 'schemas', 'config.schema.json');

/** formats.md's example configuration, verbatim. */
const FORMATS_EXAMPLE = `{
  "rules": { "untracked-marker": "hint", "insecure-shortcut": "off" },
  "phrases": { "vague-deferral": ["\\\\bbodge\\\\b"], "deferred-to-sprint": ["next PI"] },
  "ticketPatterns": ["\\\\bPROJ-\\\\d+\\\\b"],
  "exclude": ["vendor/**", "**/*.generated.ts"],
  "maxFileSize": 1048576,
  "sprintLengthDays": 14,
  "deadlineWarningDays": 14,
  "budgets": { "src/legacy/**": 40, "**": 400 },
  "languages": { "**/*.tpl": "html", "Jenkinsfile": "groovy" },
  "testFiles": ["e2e/**"],
  "constitution": "docs/engineering/CONSTITUTION.md",
  "ticketUrl": "https://acme.atlassian.net/browse/{id}",
  "reviews": { "folder": ".quality/reviews", "base": "main" }
}`;

async function loadSchema(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
}

function makeValidator(schema: Record<string, unknown>) {
  const ajv = new Ajv({ allErrors: true });
  // VS Code's own keywords: descriptions for hovers and completion.
  ajv.addVocabulary(['markdownDescription', 'enumDescriptions']);
  ajv.addFormat('regex', (text: string) => {
    try {
      new RegExp(text);
      return true;
    } catch {
      return false;
    }
  });
  return ajv.compile(schema);
}

/** Bundled config files: any `*.json` under resources/ whose name says config. */
async function bundledConfigs(): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (/config.*\.json$/.test(entry.name)) found.push(file);
    }
  };
  await walk(path.join(REPO, 'resources'));
  return found;
}

describe('config JSON schema', () => {
  it('is draft-07 and compiles', async () => {
    const schema = await loadSchema();
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    makeValidator(schema);
  });

  it('lists exactly RULE_IDS for rules and COMMENT_RULE_IDS for phrases', async () => {
    const schema = (await loadSchema()) as { properties: Record<string, { propertyNames: { enum: string[] }; properties: Record<string, unknown> }> };
    assert.deepEqual(schema.properties.rules.propertyNames.enum, [...RULE_IDS]);
    assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULE_IDS]);
    assert.deepEqual(schema.properties.phrases.propertyNames.enum, [...COMMENT_RULE_IDS]);
  });

  it('describes every key, in plain text and markdown', async () => {
    const schema = (await loadSchema()) as { properties: Record<string, { description?: string; markdownDescription?: string }> };
    for (const [key, property] of Object.entries(schema.properties)) {
      assert.ok(property.description, `${key} has a description`);
      if (key !== '$schema') assert.ok(property.markdownDescription, `${key} has a markdownDescription`);
    }
  });

  it('accepts the formats.md example and every bundled config, as the validator does', async () => {
    const validate = makeValidator(await loadSchema());
    const examples: Array<[string, string]> = [['formats.md', FORMATS_EXAMPLE]];
    for (const file of await bundledConfigs()) examples.push([path.relative(REPO, file), await readFile(file, 'utf8')]);
    for (const [name, text] of examples) {
      assert.ok(validate(JSON.parse(text)), `${name}: ${JSON.stringify(validate.errors)}`);
      assert.deepEqual(validateConfigText(text, name).problems, [], name);
    }
  });

  it('rejects what the validator rejects', async () => {
    const validate = makeValidator(await loadSchema());
    const bad = [
      { rules: { nope: 'off' } },
      { rules: { 'focused-test': 'fatal' } },
      { phrases: { 'skipped-test': ['x'] } },
      { phrases: { 'vague-deferral': 'x' } },
      { maxFileSize: 0 },
      { deadlineWarningDays: -1 },
      { sprintLengthDays: 1.5 },
      { budgets: { '**': -1 } },
      { reviews: { dir: 'x' } },
      { unknownKey: true },
      { ticketUrl: 'https://x.test/browse' },
    ];
    for (const config of bad) {
      assert.equal(validate(config), false, JSON.stringify(config));
      assert.notDeepEqual(validateConfigText(JSON.stringify(config), 'c.json').problems, [], JSON.stringify(config));
    }
  });
});
