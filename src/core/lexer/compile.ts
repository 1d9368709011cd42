import type { LanguageSpec, StringSpec } from './types';

/** A string spec with every default filled in, ready for the scanner. */
export interface ResolvedString {
  open: string;
  close: string;
  /** Escape char code, -1 for none. */
  escape: number;
  doubled: boolean;
  multiline: boolean;
  prefixes: readonly string[];
  prefixRequired: boolean;
  interpolation: ReadonlyArray<readonly [string, string]> | null;
  interpolationDoubledEscape: boolean;
  formatSpec: boolean;
  char: boolean;
  notAfterOperand: boolean;
  closeAtLineStart: boolean;
  atValueStart: boolean;
  docstring: boolean;
}

/** Character classes: what may start at a character. */
export const enum Cls {
  Comment = 1,
  String = 2,
  Special = 4,
  Word = 8,
  Digit = 16,
}

/** A LanguageSpec turned into lookup tables, built once per spec object. */
export interface CompiledSpec {
  spec: LanguageSpec;
  cls: Uint8Array;
  lineComments: string[];
  blockComments: Array<[string, string]>;
  nested: boolean;
  lineStartComments: string[];
  lineStartBlockComments: Array<[string, string]>;
  lineCommentWords: Set<string> | null;
  maxCommentWord: number;
  exclusions: string[];
  notAfter: string;
  wordStartChars: string;
  /** Strings that need no prefix, by first char code (ASCII only), longest opener first. */
  bareStrings: Array<ResolvedString[] | undefined>;
  /** Strings by prefix word. */
  prefixed: Map<string, ResolvedString[]>;
  maxPrefix: number;
  raw: Set<string>;
  keepStrings: boolean;
  regexKeywordsOnly: boolean;
  identExtra: string;
  codeSequences: string[];
  endMarkers: Set<string> | null;
  closeTag: string;
}

const DEFAULT_STRINGS: StringSpec[] = [{ open: '"' }, { open: "'" }];

const cache = new WeakMap<LanguageSpec, CompiledSpec>();

export function compile(spec: LanguageSpec): CompiledSpec {
  let cs = cache.get(spec);
  if (!cs) {
    cs = build(spec);
    cache.set(spec, cs);
  }
  return cs;
}

function resolve(s: StringSpec): ResolvedString {
  const escape = s.escape ?? '\\';
  return {
    open: s.open,
    close: s.close ?? s.open,
    escape: escape === '' ? -1 : escape.charCodeAt(0),
    doubled: s.doubled ?? false,
    multiline: s.multiline ?? false,
    prefixes: s.prefixes ?? [],
    prefixRequired: s.prefixRequired ?? false,
    interpolation: s.interpolation && s.interpolation.length > 0 ? s.interpolation : null,
    interpolationDoubledEscape: s.interpolationDoubledEscape ?? false,
    formatSpec: s.formatSpec ?? false,
    char: s.char ?? false,
    notAfterOperand: s.notAfterOperand ?? false,
    closeAtLineStart: s.closeAtLineStart ?? false,
    atValueStart: s.atValueStart ?? false,
    docstring: s.docstring ?? false,
  };
}

function byLengthDesc(a: string, b: string): number {
  return b.length - a.length;
}

function build(spec: LanguageSpec): CompiledSpec {
  const cls = new Uint8Array(128);
  const mark = (s: string | undefined, flag: number): void => {
    if (!s) return;
    const c = s.charCodeAt(0);
    if (c < 128) cls[c] |= flag;
  };
  for (let c = 0; c < 128; c++) {
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) cls[c] |= Cls.Word;
    if (c >= 48 && c <= 57) cls[c] |= Cls.Digit;
  }
  const identExtra = spec.identifierChars ?? '';
  for (const ch of identExtra) mark(ch, Cls.Word);

  const lineComments = (spec.lineComments ?? []).filter((s) => s.length > 0).sort(byLengthDesc);
  const blockComments = (spec.blockComments ?? []).filter(([o, c]) => o.length > 0 && c.length > 0);
  blockComments.sort((a, b) => b[0].length - a[0].length);
  const lineStartComments = (spec.lineStartComments ?? []).slice().sort(byLengthDesc);
  const lineStartBlockComments = spec.lineStartBlockComments ?? [];
  for (const s of lineComments) mark(s, Cls.Comment);
  for (const [o] of blockComments) mark(o, Cls.Comment);
  for (const s of lineStartComments) mark(s, Cls.Comment);
  for (const [o] of lineStartBlockComments) mark(o, Cls.Comment);
  mark(spec.longBracketCommentPrefix, Cls.Comment);

  const bareStrings: Array<ResolvedString[] | undefined> = [];
  const prefixed = new Map<string, ResolvedString[]>();
  let maxPrefix = 0;
  for (const raw of spec.strings ?? DEFAULT_STRINGS) {
    if (!raw.open) continue;
    const s = resolve(raw);
    if (!s.prefixRequired) {
      const c = s.open.charCodeAt(0);
      if (c < 128) {
        cls[c] |= Cls.String;
        (bareStrings[c] ??= []).push(s);
      }
    }
    for (const p of s.prefixes) {
      if (!p) continue;
      let list = prefixed.get(p);
      if (!list) prefixed.set(p, (list = []));
      list.push(s);
      maxPrefix = Math.max(maxPrefix, p.length);
    }
  }
  for (const list of bareStrings) list?.sort((a, b) => b.open.length - a.open.length);
  for (const list of prefixed.values()) list.sort((a, b) => b.open.length - a.open.length);

  const raw = new Set<string>(spec.rawStrings ?? []);
  if (raw.has('rust') || raw.has('cpp')) maxPrefix = Math.max(maxPrefix, 3);
  if (raw.has('swift')) mark('#', Cls.Special);
  if (raw.has('csharp')) {
    mark('"', Cls.Special);
    mark('$', Cls.Special);
  }
  if (raw.has('lua')) mark('[', Cls.Special);
  if (raw.has('dollar')) mark('$', Cls.Special);
  if (raw.has('ocaml')) mark('{', Cls.Special);
  if (spec.regex) mark('/', Cls.Special);
  if (spec.jsx || spec.heredoc) mark('<', Cls.Special);
  if (spec.percentLiterals) mark('%', Cls.Special);
  if (spec.sigils) mark('~', Cls.Special);
  if (spec.yamlBlockScalars) {
    mark('|', Cls.Special);
    mark('>', Cls.Special);
  }
  mark(spec.charPrefix, Cls.Special);
  mark(spec.codeEscape, Cls.Special);
  const codeSequences = (spec.codeSequences ?? []).slice().sort(byLengthDesc);
  for (const s of codeSequences) mark(s, Cls.Special);

  const words = spec.lineCommentWords?.map((w) => w.toLowerCase());
  return {
    spec,
    cls,
    lineComments,
    blockComments,
    nested: spec.nestedBlockComments ?? false,
    lineStartComments,
    lineStartBlockComments,
    lineCommentWords: words && words.length > 0 ? new Set(words) : null,
    maxCommentWord: Math.max(0, ...(words ?? []).map((w) => w.length)),
    exclusions: spec.lineCommentExclusions ?? [],
    notAfter: spec.lineCommentNotAfter ?? '',
    wordStartChars: spec.wordStartChars ?? '',
    bareStrings,
    prefixed,
    maxPrefix,
    raw,
    keepStrings: spec.valuesAreCode ?? false,
    regexKeywordsOnly: !spec.regexAfterSpacedIdentifier,
    identExtra,
    codeSequences,
    endMarkers: spec.endMarkers && spec.endMarkers.length > 0 ? new Set(spec.endMarkers) : null,
    closeTag: spec.closeTag ?? '',
  };
}
