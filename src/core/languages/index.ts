export { LANGUAGES, builtInLanguageIds, clearRegisteredLanguages, languageById, languageForPath, languageFromCommentConfig, registerLanguage } from './registry';
export type { LanguageSpec } from '../lexer/types';

import type { LanguageSpec } from '../lexer/types';

/** rules.md: in YAML, TOML, Dockerfiles (and INI, Makefile, shell...) the values are the code. */
export function isValuesAreCodeLanguage(spec: LanguageSpec): boolean {
  return spec.valuesAreCode === true;
}
