import { defaultEngineSettings, type EngineSettings } from '../../../src/core/config/model';
import { analyzeLexed } from '../../../src/core/engine';
import type { LexResult } from '../../../src/core/lexer/types';
import type { Finding } from '../../../src/core/types';
import { fakeLex } from './fakeLex';

export const TODAY = '2025-11-27';

export function settings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return { ...defaultEngineSettings(), ...overrides };
}

/** Runs the engine on a snippet lexed by the small test lexer (C-like comments by default). */
export function run(
  text: string,
  opts: { path?: string; languageId?: string; line?: string[]; keepStrings?: boolean; settings?: EngineSettings; now?: string; lexed?: LexResult } = {},
): Finding[] {
  const lexed = opts.lexed ?? fakeLex(text, { line: opts.line, block: opts.line === undefined || opts.line.includes('//'), keepStrings: opts.keepStrings });
  return analyzeLexed(
    { text, path: opts.path ?? 'src/file.ts', language: { id: opts.languageId ?? 'typescript' }, settings: opts.settings ?? settings(), now: opts.now ?? TODAY },
    lexed,
  );
}

export function rules(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`);
}
