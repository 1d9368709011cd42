import * as assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { lex } from '../../../src/core/lexer';
import {
  LANGUAGES,
  clearRegisteredLanguages,
  isValuesAreCodeLanguage,
  languageById,
  languageForPath,
  languageFromCommentConfig,
  registerLanguage,
} from '../../../src/core/languages';
import { LANGUAGES_MD, languagesMarkdown } from './languages-md';

const idFor = (p: string, extra?: Record<string, string>): string | undefined => languageForPath(p, extra)?.id;

describe('languages: the table and lookups', () => {
  afterEach(() => clearRegisteredLanguages());

  it('has unique ids and the required VS Code ids', () => {
    const ids = LANGUAGES.map((l) => l.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of [
      'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python', 'java', 'kotlin', 'c', 'cpp', 'csharp', 'go', 'rust',
      'swift', 'ruby', 'php', 'scala', 'dart', 'shellscript', 'powershell', 'sql', 'yaml', 'toml', 'dockerfile', 'makefile', 'html',
      'css', 'scss', 'less', 'vue', 'svelte', 'lua', 'perl', 'r', 'haskell', 'ocaml', 'elixir', 'erlang', 'clojure', 'groovy',
      'terraform', 'hcl', 'proto3', 'graphql', 'ini', 'json', 'jsonc', 'xml', 'markdown', 'objective-c', 'fsharp', 'julia', 'nim',
      'zig', 'vb', 'bat', 'cmake', 'feature', 'properties', 'nix',
    ]) {
      assert.equal(languageById(id)?.id, id, id);
    }
  });

  it('finds languages by alias', () => {
    assert.equal(languageById('proto')?.id, 'proto3');
    assert.equal(languageById('gherkin')?.id, 'feature');
    assert.equal(languageById('bash')?.id, 'shellscript');
    assert.equal(languageById('no-such-language'), undefined);
  });

  it('by exact file name first, case-insensitively as a fallback', () => {
    assert.equal(idFor('Dockerfile'), 'dockerfile');
    assert.equal(idFor('build/Makefile'), 'makefile');
    assert.equal(idFor('makefile'), 'makefile');
    assert.equal(idFor('MAKEFILE'), 'makefile');
    assert.equal(idFor('CMakeLists.txt'), 'cmake');
    assert.equal(idFor('a/b/Gemfile'), 'ruby');
    assert.equal(idFor('tsconfig.json'), 'jsonc');
    assert.equal(idFor('.bashrc'), 'shellscript');
    assert.equal(idFor('Jenkinsfile'), 'groovy');
  });

  it('then the extra globs: without / they match the base name, dot files included', () => {
    const extra = { '*.inc': 'php', 'scripts/**/*.txt': 'shellscript', '.hidden*': 'yaml', 'deploy/**': 'yaml' };
    assert.equal(idFor('src/lib/a.inc', extra), 'php');
    assert.equal(idFor('scripts/x/run.txt', extra), 'shellscript');
    assert.equal(idFor('other/run.txt', extra), undefined);
    assert.equal(idFor('x/.hiddenrc', extra), 'yaml');
    assert.equal(idFor('deploy/.env.prod', extra), 'yaml');
    assert.equal(idFor('Dockerfile', { Dockerfile: 'shellscript' }), 'dockerfile', 'exact names come first');
    assert.equal(idFor('a.txt', { '*.txt': 'no-such-id' }), undefined, 'an unknown id in the map is skipped');
    assert.equal(idFor('a.ts', { '[': 'python' }), 'typescript', 'a bad glob matches nothing');
  });

  it('then file name patterns, then the extension (case-insensitive, longest first)', () => {
    assert.equal(idFor('Dockerfile.prod'), 'dockerfile');
    assert.equal(idFor('api.Dockerfile'), 'dockerfile');
    assert.equal(idFor('tsconfig.build.json'), 'jsonc');
    assert.equal(idFor('src/App.TSX'), 'typescriptreact');
    assert.equal(idFor('a\\b\\c.py'), 'python');
    assert.equal(idFor('x.d.ts'), 'typescript');
    assert.equal(idFor('main.tftest.hcl'), 'terraform');
    assert.equal(idFor('infra/x.hcl'), 'hcl');
    assert.equal(idFor('schema.proto'), 'proto3');
    assert.equal(idFor('a.feature'), 'feature');
    assert.equal(idFor('notes.unknownext'), undefined);
    assert.equal(idFor('README'), undefined);
    assert.equal(idFor('.gitignore'), undefined);
  });

  it('registerLanguage: a spec with only comments lexes with default strings', () => {
    registerLanguage(languageFromCommentConfig('foo', { lineComment: ';;', blockComment: ['{|', '|}'] }));
    registerLanguage({ ...languageFromCommentConfig('foo', { lineComment: ';;', blockComment: ['{|', '|}'] }), extensions: ['.foo'] });
    const spec = languageForPath('x/a.foo');
    assert.ok(spec);
    assert.equal(spec.id, 'foo');
    const text = 'a = ";; no" + \';; no\' ;; one\n{| two |}';
    const r = lex(text, spec);
    assert.deepEqual(r.comments.map((c) => text.slice(c.contentStart, c.contentEnd)), [' one', ' two ']);
    assert.ok(!r.code.includes('no'));
  });

  it('registerLanguage never replaces a built-in row', () => {
    registerLanguage({ id: 'python', lineComments: ['//'] });
    assert.deepEqual(languageById('python')?.lineComments, ['#']);
  });

  it('languageFromCommentConfig accepts the object form and ignores junk', () => {
    assert.deepEqual(languageFromCommentConfig('a', { lineComment: { comment: '--' } }).lineComments, ['--']);
    assert.deepEqual(languageFromCommentConfig('b', {}), { id: 'b', lineComments: [], blockComments: [] });
    const junk = { blockComment: [1, 2] } as unknown as { blockComment: [string, string] };
    assert.deepEqual(languageFromCommentConfig('c', junk).blockComments, []);
  });

  it('values are the code in YAML, TOML, Dockerfile, INI, Makefile and shell, not in TypeScript', () => {
    for (const id of ['yaml', 'toml', 'dockerfile', 'ini', 'makefile', 'shellscript']) assert.ok(isValuesAreCodeLanguage(languageById(id)!), id);
    assert.ok(!isValuesAreCodeLanguage(languageById('typescript')!));
  });
});

describe('languages: LANGUAGES.md', () => {
  it('is generated from the current table (regenerate: node -r ./test/unit/register.cjs test/unit/lexer/languages-md.ts)', async () => {
    const md = await readFile(LANGUAGES_MD, 'utf8');
    assert.equal(md, languagesMarkdown());
    for (const spec of LANGUAGES) assert.ok(md.includes(`| \`${spec.id}\``), spec.id);
  });
});
