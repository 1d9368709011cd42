import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { REPO } from './cli';

/** The official SARIF 2.1.0 schema (draft-04), as shipped by @microsoft/jest-sarif. */
const SCHEMA_FILE = path.join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

function isAbsoluteUri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value) && !/\s/.test(value);
}

function isUriReference(value: string): boolean {
  // A relative reference must be valid once resolved, and must not carry raw spaces or '%' that is not an escape.
  return URL.canParse(value, 'file:///base/') && !/\s/.test(value) && !/%(?![0-9A-Fa-f]{2})/.test(value);
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Validates against the schema; the formats the schema uses are checked, not ignored. */
export function sarifErrors(document: unknown): string[] {
  if (!validator) {
    // The schema's language pattern is not valid with the u flag (a stray ']'), so patterns run without it.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', isAbsoluteUri);
    ajv.addFormat('uri-reference', isUriReference);
    ajv.addFormat('date-time', (value: string) => RFC3339.test(value) && !Number.isNaN(Date.parse(value)));
    validator = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  if (validator(document)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
