import { defaultEngineSettings, type EngineSettings } from '../../../src/core/config/model';
import { analyzeDocument } from '../../../src/core/engine';
import { languageById } from '../../../src/core/languages/index';
import type { Finding } from '../../../src/core/types';

export const TODAY = '2025-11-27';

/** The real engine (real lexer, real language table) on a snippet. */
export function analyze(languageId: string, path: string, text: string, settings: EngineSettings = defaultEngineSettings(), now = TODAY): Finding[] {
  const language = languageById(languageId);
  if (language === undefined) throw new Error(`no language ${languageId}`);
  return analyzeDocument({ text, path, language, settings, now });
}

export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`);
}
