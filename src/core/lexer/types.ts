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
  [key: string]: unknown;
}
