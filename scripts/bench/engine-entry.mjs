// The engine as the extension calls it on each edit (a DocumentSession; analyzeDocument for the whole
// document as reference), bundled by the bench
// with the production settings so the re-analysis time is what users get.
export { analyzeDocument } from '../../src/core/engine';
export { DocumentSession } from '../../src/core/session';
export { lex } from '../../src/core/lexer/index';
export { languageForPath } from '../../src/core/languages/index';
export { DEFAULT_MAX_FILE_SIZE, defaultEngineSettings } from '../../src/core/config/model';
