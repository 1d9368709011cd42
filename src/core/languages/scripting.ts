import type { LanguageSpec, StringSpec } from '../lexer/types';
import { C_COMMENTS, prefixVariants, triple } from './helpers';

const PY_PLAIN = prefixVariants('r', 'u');
const PY_BYTES = prefixVariants('b', 'br');
const PY_FORMAT = prefixVariants('f', 'fr', 't', 'tr');
const PY_FORMAT_OPTIONS = { interpolation: [['{', '}']] as Array<[string, string]>, interpolationDoubledEscape: true, formatSpec: true };

const PYTHON_STRINGS: StringSpec[] = [
  // A triple-quoted string that is a statement of its own is a docstring (a comment).
  ...triple({ multiline: true, docstring: true, prefixes: PY_PLAIN }),
  ...triple({ multiline: true, prefixes: PY_BYTES, prefixRequired: true }),
  ...triple({ multiline: true, prefixes: PY_FORMAT, prefixRequired: true, ...PY_FORMAT_OPTIONS }),
  { open: '"', prefixes: [...PY_PLAIN, ...PY_BYTES] },
  { open: "'", prefixes: [...PY_PLAIN, ...PY_BYTES] },
  { open: '"', prefixes: PY_FORMAT, prefixRequired: true, ...PY_FORMAT_OPTIONS },
  { open: "'", prefixes: PY_FORMAT, prefixRequired: true, ...PY_FORMAT_OPTIONS },
];

export const PYTHON: LanguageSpec = {
  id: 'python',
  name: 'Python',
  extensions: ['.py', '.pyi', '.pyw', '.rpy', '.pyt', '.gyp', '.gypi', '.ipy', '.pyx'],
  filenames: ['SConstruct', 'SConscript'],
  lineComments: ['#'],
  strings: PYTHON_STRINGS,
};

export const STARLARK: LanguageSpec = {
  id: 'starlark',
  name: 'Starlark (Bazel)',
  extensions: ['.bzl', '.star', '.bazel'],
  filenames: ['BUILD', 'WORKSPACE', 'MODULE.bazel'],
  lineComments: ['#'],
  strings: PYTHON_STRINGS,
};

const RUBY_INTERPOLATION: Array<[string, string]> = [['#{', '}']];

export const RUBY: LanguageSpec = {
  id: 'ruby',
  name: 'Ruby',
  extensions: ['.rb', '.rbx', '.rjs', '.gemspec', '.rake', '.ru', '.podspec', '.rbi', '.jbuilder', '.thor'],
  filenames: ['Gemfile', 'Rakefile', 'Podfile', 'Vagrantfile', 'Guardfile', 'Brewfile', 'Fastfile', 'Appfile', 'Capfile', 'Berksfile', 'Dangerfile', 'Steepfile'],
  lineComments: ['#'],
  lineStartBlockComments: [['=begin', '=end']],
  regex: true,
  regexAfterSpacedIdentifier: true,
  heredoc: 'ruby',
  percentLiterals: true,
  endMarkers: ['__END__'],
  // `$'` and `$"` are global variables, not quotes.
  codeSequences: ["$'", '$"', '$`'],
  strings: [
    { open: '"', multiline: true, interpolation: RUBY_INTERPOLATION },
    { open: "'", multiline: true },
    { open: '`', multiline: true, interpolation: RUBY_INTERPOLATION },
  ],
};

const POD = ['=pod', '=head1', '=head2', '=head3', '=head4', '=over', '=item', '=back', '=begin', '=end', '=for', '=encoding'];

export const PERL: LanguageSpec = {
  id: 'perl',
  name: 'Perl',
  extensions: ['.pl', '.pm', '.pod', '.t', '.psgi', '.plx', '.cgi'],
  lineComments: ['#'],
  lineStartBlockComments: POD.map((open): [string, string] => [open, '=cut']),
  regex: true,
  regexAfterSpacedIdentifier: true,
  quoteOperators: true,
  heredoc: 'perl',
  endMarkers: ['__END__', '__DATA__'],
  // `$#array`, `$#{...}`, and the punctuation variables `$'`, `$"`, `` $` ``.
  codeSequences: ['$#', "$'", '$"', '$`'],
  strings: [{ open: '"', multiline: true }, { open: "'", multiline: true }, { open: '`', multiline: true }],
};

export const SHELL: LanguageSpec = {
  id: 'shellscript',
  name: 'Shell',
  aliases: ['bash', 'sh', 'zsh'],
  extensions: ['.sh', '.bash', '.zsh', '.ksh', '.ebuild', '.eclass', '.bats', '.command', '.zsh-theme'],
  filenames: [
    '.bashrc', '.bash_profile', '.bash_login', '.bash_logout', '.bash_aliases', '.profile', '.zshrc', '.zprofile', '.zlogin',
    '.zlogout', '.zshenv', 'PKGBUILD', 'APKBUILD', '.envrc', 'bashrc', 'zshrc',
  ],
  lineComments: ['#'],
  // `a#b`, `$#` and `${#x}` are not comments: `#` starts one only at the start of a word.
  lineCommentsAt: 'wordStart',
  wordStartChars: ';&|()',
  codeEscape: '\\',
  heredoc: 'shell',
  valuesAreCode: true,
  strings: [
    { open: "$'", multiline: true },
    { open: '"', multiline: true, interpolation: [['$(', ')'], ['${', '}']] },
    { open: "'", multiline: true, escape: '' },
    { open: '`', multiline: true },
  ],
};

export const POWERSHELL: LanguageSpec = {
  id: 'powershell',
  name: 'PowerShell',
  extensions: ['.ps1', '.psm1', '.psd1', '.pssc', '.psrc'],
  lineComments: ['#'],
  blockComments: [['<#', '#>']],
  lineCommentsAt: 'wordStart',
  wordStartChars: ';|(){}',
  codeEscape: '`',
  strings: [
    { open: '@"', close: '"@', closeAtLineStart: true, multiline: true, escape: '`', interpolation: [['$(', ')']] },
    { open: "@'", close: "'@", closeAtLineStart: true, multiline: true, escape: '' },
    { open: '"', multiline: true, escape: '`', doubled: true, interpolation: [['$(', ')']] },
    { open: "'", multiline: true, escape: '', doubled: true },
  ],
};

export const BAT: LanguageSpec = {
  id: 'bat',
  name: 'Batch',
  extensions: ['.bat', '.cmd'],
  lineCommentWords: ['rem'],
  lineStartComments: ['::'],
  lineCommentsAt: 'lineStart',
  valuesAreCode: true,
  strings: [{ open: '"', escape: '' }],
};

export const LUA: LanguageSpec = {
  id: 'lua',
  name: 'Lua',
  extensions: ['.lua', '.luau', '.rockspec'],
  lineComments: ['--'],
  longBracketCommentPrefix: '--',
  rawStrings: ['lua'],
  strings: [{ open: '"' }, { open: "'" }],
};

export const R: LanguageSpec = {
  id: 'r',
  name: 'R',
  extensions: ['.r', '.rhistory', '.rprofile', '.rt'],
  filenames: ['.Rprofile'],
  lineComments: ['#'],
  strings: [{ open: '"', multiline: true }, { open: "'", multiline: true }, { open: '`', escape: '' }],
};

export const JULIA: LanguageSpec = {
  id: 'julia',
  name: 'Julia',
  extensions: ['.jl'],
  lineComments: ['#'],
  blockComments: [['#=', '=#']],
  nestedBlockComments: true,
  strings: [
    { open: '"""', multiline: true, interpolation: [['$(', ')']] },
    { open: '"', multiline: true, interpolation: [['$(', ')']] },
    // `x'` is a transpose; `'a'` a char.
    { open: "'", char: true, notAfterOperand: true },
    { open: '```', multiline: true },
    { open: '`', multiline: true },
  ],
};

export const NIM: LanguageSpec = {
  id: 'nim',
  name: 'Nim',
  extensions: ['.nim', '.nims', '.nimble'],
  lineComments: ['#'],
  blockComments: [['#[', ']#']],
  nestedBlockComments: true,
  strings: [{ open: '"""', multiline: true, escape: '' }, { open: '"' }, { open: "'", char: true }],
};

export const ELIXIR: LanguageSpec = {
  id: 'elixir',
  name: 'Elixir',
  extensions: ['.ex', '.exs', '.heex', '.leex'],
  filenames: ['mix.lock'],
  lineComments: ['#'],
  sigils: true,
  // `?#` is the character `#`.
  charPrefix: '?',
  strings: [
    { open: '"""', multiline: true, interpolation: [['#{', '}']] },
    { open: "'''", multiline: true, interpolation: [['#{', '}']] },
    { open: '"', multiline: true, interpolation: [['#{', '}']] },
    { open: "'", multiline: true, interpolation: [['#{', '}']] },
  ],
};

export const ERLANG: LanguageSpec = {
  id: 'erlang',
  name: 'Erlang',
  extensions: ['.erl', '.hrl', '.escript', '.app.src'],
  filenames: ['rebar.config', 'sys.config'],
  lineComments: ['%'],
  // `$%` is the character `%`.
  charPrefix: '$',
  strings: [{ open: '"""', multiline: true, escape: '' }, { open: '"', multiline: true }, { open: "'" }],
};

export const VB: LanguageSpec = {
  id: 'vb',
  name: 'Visual Basic',
  extensions: ['.vb', '.vbs', '.bas', '.brs', '.vba', '.frm'],
  lineComments: ["'"],
  lineCommentWords: ['rem'],
  strings: [{ open: '"', escape: '', doubled: true }],
};

export const MAKEFILE: LanguageSpec = {
  id: 'makefile',
  name: 'Makefile',
  extensions: ['.mk', '.mak', '.make'],
  filenames: ['Makefile', 'makefile', 'GNUmakefile', 'OCamlMakefile'],
  lineComments: ['#'],
  codeEscape: '\\',
  valuesAreCode: true,
  strings: [{ open: '"' }],
};

export const CMAKE: LanguageSpec = {
  id: 'cmake',
  name: 'CMake',
  extensions: ['.cmake'],
  filenames: ['CMakeLists.txt'],
  lineComments: ['#'],
  longBracketCommentPrefix: '#',
  rawStrings: ['lua'],
  strings: [{ open: '"', multiline: true }],
};

export const SQL: LanguageSpec = {
  id: 'sql',
  name: 'SQL',
  extensions: ['.sql', '.dsql', '.psql', '.pgsql', '.ddl', '.dml'],
  lineComments: ['--'],
  blockComments: [['/*', '*/']],
  rawStrings: ['dollar'],
  strings: [
    { open: "'", multiline: true, doubled: true },
    { open: '"', multiline: true, doubled: true, escape: '' },
    { open: '`', escape: '' },
  ],
};

export const DOCKERFILE: LanguageSpec = {
  id: 'dockerfile',
  name: 'Dockerfile',
  extensions: ['.dockerfile', '.containerfile'],
  filenames: ['Dockerfile', 'Containerfile', 'dockerfile'],
  filenamePatterns: ['Dockerfile.*', '*.Dockerfile', 'Containerfile.*'],
  // Docker strips only whole-line comments; `RUN a # b` hands `# b` to the shell.
  lineComments: ['#'],
  lineCommentsAt: 'lineStart',
  heredoc: 'shell',
  valuesAreCode: true,
  strings: [],
};

export const COFFEESCRIPT: LanguageSpec = {
  id: 'coffeescript',
  name: 'CoffeeScript',
  extensions: ['.coffee', '.cson', '.iced'],
  filenames: ['Cakefile'],
  lineComments: ['#'],
  blockComments: [['###', '###']],
  regex: true,
  strings: [
    { open: '"""', multiline: true, interpolation: [['#{', '}']] },
    { open: "'''", multiline: true },
    { open: '"', multiline: true, interpolation: [['#{', '}']] },
    { open: "'", multiline: true },
  ],
};

export const LATEX: LanguageSpec = {
  id: 'latex',
  name: 'LaTeX',
  aliases: ['tex'],
  extensions: ['.tex', '.ltx', '.sty', '.cls', '.bib'],
  lineComments: ['%'],
  codeSequences: ['\\%'],
  strings: [],
};

export const GRAPHQL: LanguageSpec = {
  id: 'graphql',
  name: 'GraphQL',
  extensions: ['.graphql', '.gql', '.graphqls'],
  lineComments: ['#'],
  strings: [{ open: '"""', multiline: true }, { open: '"' }],
};

export const SOLIDITY: LanguageSpec = {
  id: 'solidity',
  name: 'Solidity',
  extensions: ['.sol'],
  ...C_COMMENTS,
  strings: [{ open: '"' }, { open: "'" }],
};

export const SCRIPTING: LanguageSpec[] = [
  PYTHON, STARLARK, RUBY, PERL, SHELL, POWERSHELL, BAT, LUA, R, JULIA, NIM, ELIXIR, ERLANG, VB, MAKEFILE, CMAKE, SQL, DOCKERFILE,
  COFFEESCRIPT, LATEX, GRAPHQL, SOLIDITY,
];
