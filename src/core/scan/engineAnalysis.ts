import type { EngineSettings } from '../config/model';
import { analyzeDocumentWithProblems } from '../engine';
import type { LanguageSpec } from '../lexer/types';
import { languageForPath } from '../languages/index';
import type { FileAnalysis } from './analyseFile';

/**
 * Everything that decides how a file is judged, as plain data (strings, numbers, RegExps): it is
 * sent as is to the scan's worker threads, which build the same FileAnalysis from it, so a file
 * gets the same outcome whichever thread reads it.
 */
export interface EngineScanSpec {
  settings: EngineSettings;
  /** The "today" deadlines are judged against. */
  now: Date | string;
  maxFileSize: number;
  /** The config's `languages` (glob -> language id). */
  languages?: Record<string, string>;
}

export function engineAnalysis(spec: EngineScanSpec): FileAnalysis<LanguageSpec> {
  const { settings, now, languages } = spec;
  return {
    maxFileSize: spec.maxFileSize,
    languageOf: (relPath) => languageForPath(relPath, languages),
    analyze: ({ text, path, language }) => analyzeDocumentWithProblems({ text, path, language, settings, now }),
  };
}
