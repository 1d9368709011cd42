import type { LanguageSpec } from '../lexer/types';

export const YAML: LanguageSpec = {
  id: 'yaml',
  name: 'YAML',
  extensions: ['.yml', '.yaml', '.eyaml', '.eyml', '.cff', '.yaml-tmlanguage', '.yaml-tmpreferences'],
  filenames: ['.clang-format', '.clang-tidy', '.clangd', '_clang-format'],
  lineComments: ['#'],
  // `url: http://x#frag` is not a comment.
  lineCommentsAt: 'wordStart',
  yamlBlockScalars: true,
  valuesAreCode: true,
  strings: [
    { open: "'", multiline: true, escape: '', doubled: true, atValueStart: true },
    { open: '"', multiline: true, atValueStart: true },
  ],
};

export const TOML: LanguageSpec = {
  id: 'toml',
  name: 'TOML',
  extensions: ['.toml'],
  filenames: ['Cargo.lock', 'Pipfile', 'poetry.lock', 'uv.lock', 'Gopkg.lock'],
  lineComments: ['#'],
  valuesAreCode: true,
  strings: [
    { open: '"""', multiline: true },
    { open: "'''", multiline: true, escape: '' },
    { open: '"' },
    { open: "'", escape: '' },
  ],
};

export const INI: LanguageSpec = {
  id: 'ini',
  name: 'INI',
  extensions: ['.ini', '.cfg', '.conf', '.npmrc', '.editorconfig', '.pylintrc', '.flake8', '.coveragerc'],
  filenames: ['.npmrc', '.editorconfig', '.pylintrc', '.flake8', '.coveragerc', 'setup.cfg', 'tox.ini', '.gitconfig', '.gitmodules', 'gitconfig', '.yarnrc'],
  lineComments: [';', '#'],
  lineCommentsAt: 'lineStart',
  valuesAreCode: true,
  strings: [],
};

export const PROPERTIES: LanguageSpec = {
  id: 'properties',
  name: 'Java Properties',
  extensions: ['.properties', '.env'],
  filenames: ['.env', 'gradle.properties'],
  filenamePatterns: ['.env.*'],
  lineComments: ['#', '!'],
  lineCommentsAt: 'lineStart',
  valuesAreCode: true,
  strings: [],
};

const HCL_BASE: Omit<LanguageSpec, 'id'> = {
  lineComments: ['#', '//'],
  blockComments: [['/*', '*/']],
  heredoc: 'hcl',
  strings: [{ open: '"', interpolation: [['${', '}'], ['%{', '}']] }],
};

export const TERRAFORM: LanguageSpec = { ...HCL_BASE, id: 'terraform', name: 'Terraform', aliases: ['terraform-vars'], extensions: ['.tf', '.tfvars', '.tftest.hcl'] };

export const HCL: LanguageSpec = { ...HCL_BASE, id: 'hcl', name: 'HCL', extensions: ['.hcl', '.nomad', '.pkr.hcl'] };

export const GHERKIN: LanguageSpec = {
  // The Cucumber extensions use `feature` (Cucumber (Gherkin) Full Support) and `cucumber`.
  id: 'feature',
  name: 'Gherkin',
  aliases: ['gherkin', 'cucumber'],
  extensions: ['.feature'],
  lineComments: ['#'],
  lineCommentsAt: 'lineStart',
  strings: [
    { open: '"""', multiline: true, escape: '' },
    { open: '```', multiline: true, escape: '' },
  ],
};

export const CONFIG: LanguageSpec[] = [YAML, TOML, INI, PROPERTIES, TERRAFORM, HCL, GHERKIN];
