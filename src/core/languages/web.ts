import type { LanguageSpec } from '../lexer/types';
import { C_COMMENTS, DOLLAR_BRACES } from './helpers';

const JS_STRINGS = [{ open: '"' }, { open: "'" }, { open: '`', multiline: true, interpolation: DOLLAR_BRACES }];

export const JAVASCRIPT: LanguageSpec = {
  id: 'javascript',
  name: 'JavaScript',
  extensions: ['.js', '.cjs', '.mjs', '.es6', '.pac'],
  filenames: ['jakefile'],
  ...C_COMMENTS,
  identifierChars: '$',
  regex: true,
  // JSX is common in .js files; `<` where an expression starts is never anything else in JavaScript.
  jsx: true,
  strings: JS_STRINGS,
};

export const JAVASCRIPT_REACT: LanguageSpec = { ...JAVASCRIPT, id: 'javascriptreact', name: 'JavaScript JSX', extensions: ['.jsx'], filenames: [] };

export const TYPESCRIPT: LanguageSpec = {
  id: 'typescript',
  name: 'TypeScript',
  extensions: ['.ts', '.cts', '.mts'],
  ...C_COMMENTS,
  identifierChars: '$',
  regex: true,
  strings: JS_STRINGS,
};

export const TYPESCRIPT_REACT: LanguageSpec = { ...TYPESCRIPT, id: 'typescriptreact', name: 'TypeScript JSX', extensions: ['.tsx'], jsx: true };

export const CSS: LanguageSpec = {
  id: 'css',
  name: 'CSS',
  extensions: ['.css'],
  blockComments: [['/*', '*/']],
  identifierChars: '-',
  strings: [{ open: '"' }, { open: "'" }],
};

export const SCSS: LanguageSpec = {
  ...CSS,
  id: 'scss',
  name: 'SCSS',
  extensions: ['.scss'],
  lineComments: ['//'],
  // `url(http://x)` and `url(//cdn/x)` are not comments.
  lineCommentNotAfter: ':(',
};

export const SASS: LanguageSpec = { ...SCSS, id: 'sass', name: 'Sass', extensions: ['.sass'] };

export const LESS: LanguageSpec = { ...SCSS, id: 'less', name: 'Less', extensions: ['.less'] };

export const JSON_SPEC: LanguageSpec = {
  id: 'json',
  name: 'JSON',
  extensions: ['.json', '.webmanifest', '.har', '.geojson', '.jsonl', '.ndjson', '.map'],
  filenames: ['composer.lock', '.watchmanconfig'],
  valuesAreCode: true,
  strings: [{ open: '"' }],
};

export const JSONC: LanguageSpec = {
  id: 'jsonc',
  name: 'JSON with Comments',
  extensions: ['.jsonc', '.code-workspace', '.code-snippets'],
  filenames: [
    'tsconfig.json', 'jsconfig.json', '.eslintrc', '.eslintrc.json', '.babelrc', '.babelrc.json', '.jshintrc', '.jscsrc',
    '.swcrc', 'devcontainer.json', '.devcontainer.json', 'settings.json', 'launch.json', 'tasks.json', 'keybindings.json',
    'extensions.json', 'argv.json', 'language-configuration.json', 'typedoc.json', 'api-extractor.json',
  ],
  filenamePatterns: ['tsconfig.*.json', 'jsconfig.*.json', 'tsconfig-*.json'],
  ...C_COMMENTS,
  valuesAreCode: true,
  strings: [{ open: '"' }],
};

function htmlEmbedded(): Record<string, LanguageSpec> {
  return {
    script: JAVASCRIPT,
    'script:js': JAVASCRIPT,
    'script:javascript': JAVASCRIPT,
    'script:jsx': JAVASCRIPT_REACT,
    'script:ts': TYPESCRIPT,
    'script:tsx': TYPESCRIPT_REACT,
    style: CSS,
    'style:css': CSS,
    'style:scss': SCSS,
    'style:sass': SASS,
    'style:less': LESS,
    'style:postcss': CSS,
  };
}

export const HTML: LanguageSpec = {
  id: 'html',
  name: 'HTML',
  extensions: ['.html', '.htm', '.shtml', '.xhtml', '.xht', '.mdoc', '.jsp', '.asp', '.aspx', '.jshtm', '.volt', '.ejs', '.rhtml'],
  blockComments: [['<!--', '-->']],
  markup: 'html',
  embedded: htmlEmbedded(),
};

export const XML: LanguageSpec = {
  id: 'xml',
  name: 'XML',
  extensions: [
    '.xml', '.xsd', '.xsl', '.xslt', '.svg', '.csproj', '.fsproj', '.vbproj', '.props', '.targets', '.plist', '.xaml',
    '.resx', '.wsdl', '.xlf', '.xliff', '.nuspec', '.storyboard', '.xib', '.rss', '.atom', '.tld', '.iml', '.xul', '.kml',
  ],
  blockComments: [['<!--', '-->']],
  markup: 'xml',
  // Configuration (pom.xml, .csproj): element text and attribute values are what code rules read.
  valuesAreCode: true,
};

export const VUE: LanguageSpec = { ...HTML, id: 'vue', name: 'Vue', extensions: ['.vue'] };

export const SVELTE: LanguageSpec = { ...HTML, id: 'svelte', name: 'Svelte', extensions: ['.svelte'] };

/** PHP code between `<?php` and `?>`; not a language id of its own. */
export const PHP_CODE: LanguageSpec = {
  id: 'php-code',
  lineComments: ['//', '#'],
  blockComments: [['/*', '*/']],
  // `#[Attribute]` (PHP 8) is not a comment.
  lineCommentExclusions: ['#['],
  identifierChars: '$',
  heredoc: 'php',
  closeTag: '?>',
  strings: [
    { open: '"', multiline: true, interpolation: [['{$', '}'], ['${', '}']] },
    { open: "'", multiline: true },
    { open: '`', multiline: true },
  ],
};

export const PHP: LanguageSpec = {
  id: 'php',
  name: 'PHP',
  extensions: ['.php', '.php4', '.php5', '.phtml', '.ctp'],
  lineComments: ['//', '#'],
  blockComments: [['/*', '*/']],
  markup: 'php',
  embedded: { php: PHP_CODE, html: HTML },
};

export const MARKDOWN: LanguageSpec = {
  id: 'markdown',
  name: 'Markdown',
  extensions: ['.md', '.markdown', '.mdown', '.mkdn', '.mkd', '.mdwn', '.mdtxt', '.mdtext', '.workbook'],
  blockComments: [['<!--', '-->']],
  markup: 'markdown',
};

export const WEB: LanguageSpec[] = [
  JAVASCRIPT, JAVASCRIPT_REACT, TYPESCRIPT, TYPESCRIPT_REACT, CSS, SCSS, SASS, LESS, JSON_SPEC, JSONC, HTML, XML, VUE, SVELTE, PHP, MARKDOWN,
];
