/**
 * What the lexer hands to the rules. Offsets are UTF-16 indexes into the document text.
 *
 * The lexer does not interpret comments (notes, markers): it only says where comments are, and
 * gives code rules a masked copy of the text in which they can search with plain regular
 * expressions without ever matching inside a comment or a string.
 */
export type CommentKind = 'line' | 'block' | 'docstring';

export interface CommentToken {
  kind: CommentKind;
  /** Offset of the opening delimiter (`//`, `/*`, `#`, `"""`, `<!--`...). */
  start: number;
  /** Offset just after the closing delimiter (or the end of the line / file). */
  end: number;
  /** Offsets of the text between the delimiters. */
  contentStart: number;
  contentEnd: number;
}

export interface LexResult {
  /** Comments in document order, never overlapping. */
  comments: CommentToken[];
  /**
   * The document with every comment and every string/regex/heredoc literal's *content* replaced by
   * spaces (line breaks kept), same length as the input, so offsets and line numbers carry over.
   * Languages whose values are code (YAML, TOML, Dockerfile, INI, Makefile, shell) keep their
   * string contents here, as rules.md says (`run: curl -k ...` is reported).
   */
  code: string;
}

/** One language's lexical description: a row of the table, not a parser. */
export interface LanguageSpec {
  /** VS Code language id. */
  id: string;
  /** Extensions with the dot (`.ts`) and exact file names (`Dockerfile`, `Makefile`). */
  extensions?: string[];
  filenames?: string[];
  /** Glob-like file name patterns (`Dockerfile.*`, `*.Jenkinsfile`). */
  filenamePatterns?: string[];
  lineComments?: string[];
  blockComments?: Array<[open: string, close: string]>;
  nestedBlockComments?: boolean;
  // The remaining fields are the lexer's to define (strings, templates, regexes, heredocs...).
  // Every field is optional, so a spec built from a language-configuration.json (comments only)
  // is complete: it gets `"` and `'` strings with backslash escapes by default.
  /** Display name for documentation (`C#`). */
  name?: string;
  /** Other language ids that mean this language (`proto` for `proto3`). */
  aliases?: string[];
  /** String, char and raw literals. Absent: `"` and `'` with backslash escapes, one line each. */
  strings?: StringSpec[];
  /**
   * Where line comments may start. `wordStart`: at the start of the line or after whitespace (or
   * one of `wordStartChars`), as `#` in YAML and shell (`a#b`, `$#` are not comments).
   * `lineStart`: only as the first thing on a line (INI `;`, Dockerfile `#`).
   */
  lineCommentsAt?: 'anywhere' | 'wordStart' | 'lineStart';
  /** Characters after which a `wordStart` line comment may also start (shell: `;&|()`). */
  wordStartChars?: string;
  /** Line comment openers valid only as the first thing on a line (batch `::`). */
  lineStartComments?: string[];
  /** Case-insensitive words that start a line comment as a whole word (`REM`). */
  lineCommentWords?: string[];
  /** Sequences that look like a line comment opener but are not (`#[` attributes in PHP). */
  lineCommentExclusions?: string[];
  /** A line comment opener directly after one of these characters is not one (`url(http://x)` in SCSS). */
  lineCommentNotAfter?: string;
  /** A backslash at the end of a line comment continues it on the next line (C, C++). */
  lineCommentContinuation?: boolean;
  /** Haskell: `--` starts a comment only when the dashes are not part of an operator (`-->`). */
  operatorDashComments?: boolean;
  /** Block comments whose delimiters count only at the start of a line (`=begin`/`=end`). */
  lineStartBlockComments?: Array<[open: string, close: string]>;
  /** Lua/CMake long-bracket comments: this prefix followed by `[[` or `[==[` (`--`, `#`). */
  longBracketCommentPrefix?: string;
  /** Variable-delimiter raw strings the language has. */
  rawStrings?: RawStringKind[];
  /** `/regex/` literals, told apart from division by the previous token. */
  regex?: boolean;
  /** Ruby: `/re/` after a method name and a space (`split /,/`) is a regex too. */
  regexAfterSpacedIdentifier?: boolean;
  /** JSX elements in expression position (JSX text and attribute strings are not code). */
  jsx?: boolean;
  /** Heredoc syntax. */
  heredoc?: 'shell' | 'ruby' | 'php' | 'perl' | 'hcl';
  /** Ruby `%w(...)`, `%q{...}`, `%r|...|`... */
  percentLiterals?: boolean;
  /** Perl `q()`, `qq{}`, `qw//`, `qr//`, `m//`, `s///`, `tr///`, `y///`. */
  quoteOperators?: boolean;
  /** Elixir sigils `~r/.../`, `~s(...)`, `~S"""..."""`. */
  sigils?: boolean;
  /** A character literal introduced by this prefix: `?a` (Elixir), `$a` (Erlang), `\a` (Clojure). */
  charPrefix?: string;
  /** Outside strings, this character escapes the next one (shell `\#`, PowerShell backtick). */
  codeEscape?: string;
  /** Sequences that are plain code even though they contain a quote or comment character (Perl `$#`, `$'`). */
  codeSequences?: string[];
  /** Extra identifier characters besides letters, digits and `_` (`$` in JS, `-` in CSS). */
  identifierChars?: string;
  /** A digit separator inside numbers that is also a quote (`1'000` in C++). */
  digitSeparator?: string;
  /** Lines that end the code: the rest of the file is data (`__END__`). */
  endMarkers?: string[];
  /** YAML block scalars (`key: |`): their lines are a value, never comments. */
  yamlBlockScalars?: boolean;
  /**
   * The values are the code (YAML, TOML, Dockerfile, INI, Makefile, shell): string contents are
   * kept in `code` so code rules see `run: curl -k ...`. Comments are still masked.
   */
  valuesAreCode?: boolean;
  /** The file is markup hosting other languages (`<script>`, `<style>`, `<?php ?>`). */
  markup?: 'html' | 'xml' | 'markdown' | 'php';
  /**
   * Languages embedded by markup, keyed `script`, `style`, `script:ts`, `style:scss`, `php`...
   * Holds the specs themselves so the lexer needs no registry.
   */
  embedded?: Record<string, LanguageSpec>;
  /** PHP: code ends at this tag, even inside a line comment (`?>`). */
  closeTag?: string;
}

export type RawStringKind =
  /** Rust `r"..."`, `r#"..."#`, `br##"..."##`. */
  | 'rust'
  /** Swift `#"..."#`, `#"""..."""#`. */
  | 'swift'
  /** C++ `R"delim(...)delim"` (also `u8R`, `LR`...). */
  | 'cpp'
  /** C# `"""..."""` raw string literals (three or more quotes, optionally `$`-prefixed). */
  | 'csharp'
  /** Lua `[[...]]`, `[==[...]==]` long strings (CMake bracket arguments). */
  | 'lua'
  /** PostgreSQL `$$...$$`, `$tag$...$tag$`. */
  | 'dollar'
  /** OCaml `{|...|}`, `{id|...|id}`. */
  | 'ocaml';

/** One kind of string literal. */
export interface StringSpec {
  open: string;
  /** Defaults to `open`. */
  close?: string;
  /** Escape character; `\` when absent, `''` for none. */
  escape?: string;
  /** The closing delimiter written twice stands for itself (`''` in SQL, `""` in VB and C# `@"..."`). */
  doubled?: boolean;
  /** May span lines. Otherwise an unescaped line break ends it, so one stray quote spoils one line only. */
  multiline?: boolean;
  /** Identifier prefixes written right before `open` (`r`, `f`, `b`, `u8`). Matched exactly. */
  prefixes?: string[];
  /** Only with one of `prefixes`, never bare. */
  prefixRequired?: boolean;
  /** Code inside the string (`${...}`): lexed as code, its comments are comments. */
  interpolation?: Array<[open: string, close: string]>;
  /** The interpolation opener written twice is literal text (`{{` in Python f-strings and C# `$""`). */
  interpolationDoubledEscape?: boolean;
  /** A `:` at the top level of an interpolation starts a format spec, which is text (`{x:#x}`, `{d:N2}`). */
  formatSpec?: boolean;
  /**
   * A character literal: one character or one escape, then `close`. Anything else means `open` was
   * an ordinary character (a Rust lifetime `'a`, a Haskell prime `x'`, an OCaml type variable).
   */
  char?: boolean;
  /** Not a string right after an identifier, number or closing bracket (Julia `x'` is a transpose). */
  notAfterOperand?: boolean;
  /** The closing delimiter counts only at the start of a line (PowerShell here-strings `"@`). */
  closeAtLineStart?: boolean;
  /** Only where a YAML value starts (after `:`, `-`, `[`, `{`, `,`, `?` or at the start of a line). */
  atValueStart?: boolean;
  /** Python: a triple-quoted string that is a statement of its own is a docstring comment. */
  docstring?: boolean;
}
