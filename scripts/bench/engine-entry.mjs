// The engine as the extension calls it on each edit (lex + analyzeDocument), bundled by the bench
// with the production settings so the re-analysis time is what users get.
export { analyzeDocument } from '../../src/core/engine';
export { lex } from '../../src/core/lexer/index';
export { languageForPath } from '../../src/core/languages/index';
export { defaultEngineSettings } from '../../src/core/config/model';
