import type { LanguageSpec } from '../lexer/types';
import { C_COMMENTS, DOLLAR_BRACES } from './helpers';

const C_PREFIXES = ['L', 'u', 'U', 'u8'];

export const C: LanguageSpec = {
  id: 'c',
  name: 'C',
  extensions: ['.c', '.i'],
  ...C_COMMENTS,
  lineCommentContinuation: true,
  digitSeparator: "'",
  strings: [
    { open: '"', prefixes: C_PREFIXES },
    { open: "'", prefixes: C_PREFIXES },
  ],
};

export const CPP: LanguageSpec = {
  ...C,
  id: 'cpp',
  name: 'C++',
  extensions: ['.cpp', '.cc', '.cxx', '.c++', '.cppm', '.ixx', '.hpp', '.hh', '.hxx', '.h++', '.h', '.ii', '.ino', '.inl', '.ipp', '.tpp', '.txx'],
  rawStrings: ['cpp'],
};

export const CUDA: LanguageSpec = { ...CPP, id: 'cuda-cpp', name: 'CUDA C++', extensions: ['.cu', '.cuh'] };

export const OBJECTIVE_C: LanguageSpec = { ...C, id: 'objective-c', name: 'Objective-C', extensions: ['.m'] };

export const OBJECTIVE_CPP: LanguageSpec = { ...CPP, id: 'objective-cpp', name: 'Objective-C++', extensions: ['.mm'] };

export const CSHARP: LanguageSpec = {
  id: 'csharp',
  name: 'C#',
  extensions: ['.cs', '.csx', '.cake'],
  ...C_COMMENTS,
  rawStrings: ['csharp'],
  strings: [
    { open: '$@"', close: '"', escape: '', doubled: true, multiline: true, interpolation: [['{', '}']], interpolationDoubledEscape: true, formatSpec: true },
    { open: '@$"', close: '"', escape: '', doubled: true, multiline: true, interpolation: [['{', '}']], interpolationDoubledEscape: true, formatSpec: true },
    { open: '@"', close: '"', escape: '', doubled: true, multiline: true },
    { open: '$"', close: '"', interpolation: [['{', '}']], interpolationDoubledEscape: true, formatSpec: true },
    { open: '"' },
    { open: "'" },
  ],
};

export const JAVA: LanguageSpec = {
  id: 'java',
  name: 'Java',
  extensions: ['.java', '.jav'],
  ...C_COMMENTS,
  strings: [{ open: '"""', multiline: true }, { open: '"' }, { open: "'" }],
};

export const KOTLIN: LanguageSpec = {
  id: 'kotlin',
  name: 'Kotlin',
  extensions: ['.kt', '.kts'],
  ...C_COMMENTS,
  nestedBlockComments: true,
  strings: [
    { open: '"""', multiline: true, escape: '', interpolation: DOLLAR_BRACES },
    { open: '"', interpolation: DOLLAR_BRACES },
    { open: "'" },
    { open: '`', escape: '' },
  ],
};

export const SCALA: LanguageSpec = {
  id: 'scala',
  name: 'Scala',
  extensions: ['.scala', '.sc', '.sbt', '.mill'],
  ...C_COMMENTS,
  nestedBlockComments: true,
  strings: [
    { open: '"""', multiline: true, escape: '', interpolation: DOLLAR_BRACES },
    { open: '"', interpolation: DOLLAR_BRACES },
    // `'a'` is a char; `'sym` (an old symbol) is not a string.
    { open: "'", char: true },
    { open: '`', escape: '' },
  ],
};

export const GROOVY: LanguageSpec = {
  id: 'groovy',
  name: 'Groovy',
  extensions: ['.groovy', '.gvy', '.gradle', '.jenkinsfile', '.nf'],
  filenames: ['Jenkinsfile'],
  filenamePatterns: ['Jenkinsfile.*', '*.Jenkinsfile'],
  ...C_COMMENTS,
  regex: true,
  identifierChars: '$',
  strings: [
    { open: '"""', multiline: true, interpolation: DOLLAR_BRACES },
    { open: "'''", multiline: true },
    { open: '"', interpolation: DOLLAR_BRACES },
    { open: "'" },
  ],
};

export const DART: LanguageSpec = {
  id: 'dart',
  name: 'Dart',
  extensions: ['.dart'],
  ...C_COMMENTS,
  nestedBlockComments: true,
  strings: [
    { open: '"""', multiline: true, interpolation: DOLLAR_BRACES },
    { open: "'''", multiline: true, interpolation: DOLLAR_BRACES },
    { open: '"""', multiline: true, escape: '', prefixes: ['r'], prefixRequired: true },
    { open: "'''", multiline: true, escape: '', prefixes: ['r'], prefixRequired: true },
    { open: '"', interpolation: DOLLAR_BRACES },
    { open: "'", interpolation: DOLLAR_BRACES },
    { open: '"', escape: '', prefixes: ['r'], prefixRequired: true },
    { open: "'", escape: '', prefixes: ['r'], prefixRequired: true },
  ],
};

export const GO: LanguageSpec = {
  id: 'go',
  name: 'Go',
  extensions: ['.go'],
  ...C_COMMENTS,
  strings: [{ open: '"' }, { open: "'" }, { open: '`', escape: '', multiline: true }],
};

export const RUST: LanguageSpec = {
  id: 'rust',
  name: 'Rust',
  extensions: ['.rs'],
  ...C_COMMENTS,
  nestedBlockComments: true,
  rawStrings: ['rust'],
  strings: [
    { open: '"', multiline: true, prefixes: ['b', 'c'] },
    // A lifetime (`'a`, `'static`) is not a char literal: `char` checks the closing quote.
    { open: "'", char: true, prefixes: ['b'] },
  ],
};

export const SWIFT: LanguageSpec = {
  id: 'swift',
  name: 'Swift',
  extensions: ['.swift'],
  ...C_COMMENTS,
  nestedBlockComments: true,
  rawStrings: ['swift'],
  strings: [
    { open: '"""', multiline: true, interpolation: [['\\(', ')']] },
    { open: '"', interpolation: [['\\(', ')']] },
  ],
};

export const ZIG: LanguageSpec = {
  id: 'zig',
  name: 'Zig',
  extensions: ['.zig', '.zon'],
  lineComments: ['//'],
  strings: [
    { open: '"' },
    { open: "'" },
    // Multiline string lines: `\\` to the end of the line.
    { open: '\\\\', close: '', escape: '' },
  ],
};

export const PROTO: LanguageSpec = {
  // vscode-proto3 (zxh404), the most installed Protocol Buffers extension, uses `proto3`.
  id: 'proto3',
  name: 'Protocol Buffers',
  aliases: ['proto', 'protobuf'],
  extensions: ['.proto'],
  ...C_COMMENTS,
};

export const C_FAMILY: LanguageSpec[] = [C, CPP, CUDA, OBJECTIVE_C, OBJECTIVE_CPP, CSHARP, JAVA, KOTLIN, SCALA, GROOVY, DART, GO, RUST, SWIFT, ZIG, PROTO];
