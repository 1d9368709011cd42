import type { LanguageSpec } from '../lexer/types';

export const HASKELL: LanguageSpec = {
  id: 'haskell',
  name: 'Haskell',
  extensions: ['.hs', '.hs-boot', '.hsig'],
  lineComments: ['--'],
  // `-->` and `|--` are operators.
  operatorDashComments: true,
  blockComments: [['{-', '-}']],
  nestedBlockComments: true,
  strings: [
    { open: '"' },
    // `foldl'` and `x'` are names with a prime.
    { open: "'", char: true, notAfterOperand: true },
  ],
};

export const ELM: LanguageSpec = { ...HASKELL, id: 'elm', name: 'Elm', extensions: ['.elm'], strings: [{ open: '"""', multiline: true }, ...(HASKELL.strings ?? [])] };

export const PURESCRIPT: LanguageSpec = { ...HASKELL, id: 'purescript', name: 'PureScript', extensions: ['.purs'] };

export const OCAML: LanguageSpec = {
  id: 'ocaml',
  name: 'OCaml',
  extensions: ['.ml', '.mli', '.mll', '.mly', '.eliom', '.eliomi'],
  blockComments: [['(*', '*)']],
  nestedBlockComments: true,
  rawStrings: ['ocaml'],
  strings: [
    { open: '"', multiline: true },
    // `'a` is a type variable, `x'` a name.
    { open: "'", char: true, notAfterOperand: true },
  ],
};

export const FSHARP: LanguageSpec = {
  id: 'fsharp',
  name: 'F#',
  extensions: ['.fs', '.fsi', '.fsx', '.fsscript'],
  lineComments: ['//'],
  blockComments: [['(*', '*)']],
  nestedBlockComments: true,
  strings: [
    { open: '$"""', close: '"""', multiline: true, escape: '', interpolation: [['{', '}']], interpolationDoubledEscape: true, formatSpec: true },
    { open: '"""', multiline: true, escape: '' },
    { open: '$@"', close: '"', multiline: true, escape: '', doubled: true, interpolation: [['{', '}']], interpolationDoubledEscape: true, formatSpec: true },
    { open: '@"', close: '"', multiline: true, escape: '', doubled: true },
    { open: '$"', close: '"', multiline: true, interpolation: [['{', '}']], interpolationDoubledEscape: true, formatSpec: true },
    { open: '"', multiline: true },
    { open: "'", char: true, notAfterOperand: true },
  ],
};

export const CLOJURE: LanguageSpec = {
  id: 'clojure',
  name: 'Clojure',
  extensions: ['.clj', '.cljs', '.cljc', '.cljx', '.clojure', '.edn', '.bb'],
  lineComments: [';'],
  // `\;` and `\"` are characters.
  charPrefix: '\\',
  strings: [{ open: '"', multiline: true }],
};

export const SCHEME: LanguageSpec = {
  id: 'scheme',
  name: 'Scheme / Racket',
  aliases: ['racket', 'lisp', 'commonlisp'],
  extensions: ['.scm', '.ss', '.sld', '.rkt', '.lisp', '.lsp', '.cl', '.el'],
  lineComments: [';'],
  blockComments: [['#|', '|#']],
  nestedBlockComments: true,
  strings: [{ open: '"', multiline: true }],
};

export const NIX: LanguageSpec = {
  id: 'nix',
  name: 'Nix',
  extensions: ['.nix'],
  lineComments: ['#'],
  blockComments: [['/*', '*/']],
  strings: [
    { open: "''", multiline: true, escape: '', interpolation: [['${', '}']] },
    { open: '"', multiline: true, interpolation: [['${', '}']] },
  ],
};

export const FUNCTIONAL: LanguageSpec[] = [HASKELL, ELM, PURESCRIPT, OCAML, FSHARP, CLOJURE, SCHEME, NIX];
