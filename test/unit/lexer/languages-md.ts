import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { LANGUAGES } from '../../../src/core/languages';
import type { LanguageSpec } from '../../../src/core/lexer/types';
/**
 * Builds src/core/languages/LANGUAGES.md from the table. languages.test.ts checks the file is
 * current; to rewrite it: `node -r ./test/unit/register.cjs test/unit/lexer/languages-md.ts`.
 */

export const LANGUAGES_MD = path.join(__dirname, '..', '..', '..', 'src', 'core', 'languages', 'LANGUAGES.md');

const code = (s: string): string => (s.includes('`') ? '`` ' + s + ' ``' : '`' + s + '`');
const esc = (s: string): string => s.replace(/\|/g, '\\|');
function comments(l: LanguageSpec): string {
  const parts: string[] = [];
  const where = l.lineCommentsAt === 'wordStart' ? ' (at the start of a word)' : l.lineCommentsAt === 'lineStart' ? ' (at the start of a line)' : '';
  if (l.lineComments?.length) parts.push(l.lineComments.map(code).join(' ') + where);
  if (l.lineCommentWords?.length) parts.push(l.lineCommentWords.map((w) => code(w.toUpperCase())).join(' ') + (l.lineCommentsAt === 'lineStart' ? ' (at the start of a line)' : ''));
  if (l.lineStartComments?.length) parts.push(l.lineStartComments.map(code).join(' ') + ' (at the start of a line)');
  for (const [o, c] of l.blockComments ?? []) parts.push(`${code(o)} … ${code(c)}` + (l.nestedBlockComments ? ' (nested)' : ''));
  if (l.longBracketCommentPrefix) parts.push(`${code(l.longBracketCommentPrefix + '[[')} … ${code(']]')} (any level: ${code(l.longBracketCommentPrefix + '[==[')})`);
  if (l.lineStartBlockComments?.length) {
    const opens = [...new Set(l.lineStartBlockComments.map(([o]) => o))];
    const closes = [...new Set(l.lineStartBlockComments.map(([, c]) => c))];
    parts.push(`${opens.length > 2 ? 'POD ' + code('=pod') + ', ' + code('=head1') + '…' : opens.map(code).join(' ')} … ${closes.map(code).join(' ')} (at the start of a line)`);
  }
  if (l.strings?.some((s) => s.docstring)) parts.push('docstrings (a triple-quoted string statement)');
  if (l.markup === 'html') parts.push('`<script>`/`<style>` bodies as JavaScript/TypeScript and CSS/SCSS/Less');
  if (l.markup === 'php') parts.push('HTML outside `<?php … ?>`');
  if (l.markup === 'markdown') parts.push('not inside code spans or fences');
  return parts.length ? esc(parts.join('; ')) : 'none';
}
function literals(l: LanguageSpec): string {
  const p: string[] = [];
  if (l.markup === 'markdown') return 'code spans, fenced code, text';
  if (l.markup) return l.markup === 'php' ? 'strings with `{$…}`, heredoc and nowdoc' : 'attribute values, text' + (l.markup === 'xml' ? ', CDATA' : '');
  const opens = [...new Set((l.strings ?? [{ open: '"' }, { open: "'" }]).filter((s) => !s.char).map((s) => (s.prefixRequired ? (s.prefixes?.[0] ?? '') : '') + s.open))];
  if (opens.length) p.push(opens.map(code).join(' '));
  if (l.strings?.some((s) => s.char)) p.push('char literals');
  if (l.strings?.some((s) => s.interpolation)) p.push('interpolation as code');
  for (const r of l.rawStrings ?? []) p.push({ rust: '`r#"…"#`', swift: '`#"…"#`', cpp: '`R"d(…)d"`', csharp: '`"""…"""` raw', lua: '`[[…]]`', dollar: '`$tag$…$tag$`', ocaml: '`{id|…|id}`' }[r]);
  if (l.regex) p.push('regex literals');
  if (l.jsx) p.push('JSX');
  if (l.heredoc) p.push('heredocs');
  if (l.percentLiterals) p.push('`%w()` and other %-literals');
  if (l.quoteOperators) p.push('`q{}` `qw//` `s///`…');
  if (l.sigils) p.push('sigils');
  if (l.charPrefix) p.push(`${code(l.charPrefix + 'x')} characters`);
  if (l.yamlBlockScalars) p.push('block scalars');
  return esc(p.join(', ') || 'none');
}
export function languagesMarkdown(): string {
  const rows = LANGUAGES.map((l) => {
  const files = [...(l.extensions ?? []), ...(l.filenames ?? []), ...(l.filenamePatterns ?? [])];
  const ids = [l.id, ...(l.aliases ?? [])].map(code).join(', ');
  return `| ${esc(l.name ?? l.id)} | ${ids} | ${esc(files.map(code).join(' '))} | ${comments(l)} | ${literals(l)} | ${l.valuesAreCode ? 'yes' : ''} |`;
});
  return `# Languages

QA Lens lexes ${LANGUAGES.length} languages, chosen by VS Code language id in the editor and by file name in the
CLI (exact file name, then the config's \`languages\` globs, then file name patterns, then the extension,
case-insensitively). Comment rules read only the comments listed here; code rules read code with every
comment and literal blanked out, except that in languages marked *values are code* string contents stay
visible (\`run: curl -k …\` in a workflow is code). Other languages installed in VS Code are added at run
time from their \`language-configuration.json\` comment settings, with \`"\` and \`'\` strings.

Generated from \`src/core/languages/*.ts\`; a unit test checks that every row is here.

| language | VS Code id | files | comments | literals (never comments) | values are code |
|---|---|---|---|---|---|
${rows.join('\n')}

Notes:

* \`proto3\` is the id of the most installed Protocol Buffers extension (vscode-proto3); \`proto\` is accepted too.
  Gherkin uses \`feature\` (Cucumber (Gherkin) Full Support), with \`cucumber\` and \`gherkin\` as aliases.
* YAML block scalars (\`description: |\`) are values: a \`#\` line inside one is part of the value, not a YAML comment.
  A literal block under a key that holds a shell script in CI and automation files (\`run\`, \`script\`,
  \`before_script\`, \`after_script\`, \`commands\`, \`cmds\`, \`bash\`, \`pwsh\`, \`shell\`, \`win_shell\`, \`runcmd\`…, CircleCI's \`command\` under \`run\`,
  AppVeyor's \`- ps:\`/\`- cmd:\` items, also as a list item \`- |\` under such a key, with or without an anchor or tag) is a
  script: its \`#\` comments outside quotes and heredoc bodies are comments; in PowerShell (\`pwsh\`, \`powershell\`,
  \`win_shell\`, \`ps\`, \`shell: pwsh\`) \`<# … #>\` too; in cmd (\`shell: cmd\`, AppVeyor \`cmd\`) \`REM\` and \`::\` lines
  and no \`#\`. A step's \`shell:\` defaults to its job's or workflow's \`defaults: run: shell:\`. Not scripts: action inputs (\`with: script: |\` of actions/github-script is JavaScript).
* Python: a triple-quoted string that is a statement of its own (the first statement of a module,
  class or function, or any line holding only the string) is a \`docstring\` comment; one used as a
  value (\`x = """…"""\`, an argument, \`"""…""".format()\`) is a string. Single-quoted statement strings are strings.
* Rust \`'a\` lifetimes, Haskell/OCaml/F# primes and type variables, Julia transposes (\`x'\`) are not character literals.
* An unterminated string that may not span lines ends at the end of its line, so one stray quote
  spoils one line; block comments, multi-line strings and heredocs run to the end of the file.
`;
}

if (require.main === module) {
  void writeFile(LANGUAGES_MD, languagesMarkdown()).then(() => console.log(`wrote ${LANGUAGES_MD}`));
}
