/**
 * Language families for the code rules: which test frameworks, handler syntaxes and suppression
 * annotations a language can hold. Decided by the VS Code language id.
 */
export type Family = 'js' | 'python' | 'ruby' | 'go' | 'rust' | 'jvm' | 'csharp' | 'clike' | 'config' | 'markup' | 'other';

const FAMILIES: Record<string, Family> = {
  javascript: 'js', typescript: 'js', javascriptreact: 'js', typescriptreact: 'js', vue: 'js',
  svelte: 'js', astro: 'js', coffeescript: 'js', mjs: 'js', cjs: 'js',
  python: 'python', ruby: 'ruby', go: 'go', rust: 'rust',
  java: 'jvm', kotlin: 'jvm', scala: 'jvm', groovy: 'jvm',
  csharp: 'csharp',
  c: 'clike', cpp: 'clike', 'cuda-cpp': 'clike', 'php-code': 'clike', 'objective-c': 'clike', 'objective-cpp': 'clike', swift: 'clike', php: 'clike',
  dart: 'clike', powershell: 'clike', fsharp: 'clike',
  yaml: 'config', toml: 'config', dockerfile: 'config', shellscript: 'config', ini: 'config',
  makefile: 'config', properties: 'config', dotenv: 'config', bat: 'config', 'github-actions-workflow': 'config',
  markdown: 'markup', plaintext: 'markup', html: 'markup', xml: 'markup', restructuredtext: 'markup',
  latex: 'markup', asciidoc: 'markup',
};

export function familyOf(language: { id: string; valuesAreCode?: unknown }): Family {
  return FAMILIES[language.id] ?? (language.valuesAreCode === true ? 'config' : 'other');
}

/** Families with `try { } catch (e) { }` handlers. */
export function hasCatchBlocks(family: Family): boolean {
  return family === 'js' || family === 'jvm' || family === 'csharp' || family === 'clike';
}
