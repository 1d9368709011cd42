import picomatch from 'picomatch';
import type { LanguageSpec } from '../lexer/types';
import { C_FAMILY } from './c-family';
import { CONFIG } from './config';
import { FUNCTIONAL } from './functional';
import { SCRIPTING } from './scripting';
import { WEB } from './web';

/** The built-in table, one row per language. */
export const LANGUAGES: readonly LanguageSpec[] = Object.freeze([...WEB, ...C_FAMILY, ...SCRIPTING, ...FUNCTIONAL, ...CONFIG]);

interface Index {
  byId: Map<string, LanguageSpec>;
  byFilename: Map<string, LanguageSpec>;
  byFilenameLower: Map<string, LanguageSpec>;
  byExtension: Map<string, LanguageSpec>;
  patterns: Array<{ match: (name: string) => boolean; spec: LanguageSpec }>;
}

function emptyIndex(): Index {
  return { byId: new Map(), byFilename: new Map(), byFilenameLower: new Map(), byExtension: new Map(), patterns: [] };
}

function addTo(index: Index, spec: LanguageSpec): void {
  const setOnce = <K>(map: Map<K, LanguageSpec>, key: K): void => {
    if (!map.has(key)) map.set(key, spec);
  };
  setOnce(index.byId, spec.id);
  for (const alias of spec.aliases ?? []) setOnce(index.byId, alias);
  for (const name of spec.filenames ?? []) {
    setOnce(index.byFilename, name);
    setOnce(index.byFilenameLower, name.toLowerCase());
  }
  for (const ext of spec.extensions ?? []) setOnce(index.byExtension, ext.toLowerCase());
  for (const pattern of spec.filenamePatterns ?? []) {
    index.patterns.push({ match: picomatch(pattern, { dot: true, nocase: true }), spec });
  }
}

const builtIn = emptyIndex();
for (const spec of LANGUAGES) addTo(builtIn, spec);

/** Languages registered at run time (from installed extensions); built-in rows always win. */
let runtime = emptyIndex();
const runtimeSpecs = new Map<string, LanguageSpec>();

export function registerLanguage(spec: LanguageSpec): void {
  if (builtIn.byId.has(spec.id)) return;
  runtimeSpecs.set(spec.id, spec);
  runtime = emptyIndex();
  for (const s of runtimeSpecs.values()) addTo(runtime, s);
}

/** Forgets the run-time registrations (tests, extension deactivation). */
export function clearRegisteredLanguages(): void {
  runtimeSpecs.clear();
  runtime = emptyIndex();
}

/** The ids of the built-in table (what the CLI knows: it has no installed extensions to add more). */
export function builtInLanguageIds(): string[] {
  return [...builtIn.byId.keys()];
}

export function languageById(id: string): LanguageSpec | undefined {
  return builtIn.byId.get(id) ?? runtime.byId.get(id);
}

const globCache = new WeakMap<Record<string, string>, Array<{ match: (path: string) => boolean; id: string }>>();

function globMatchers(extra: Record<string, string>): Array<{ match: (path: string) => boolean; id: string }> {
  let list = globCache.get(extra);
  if (!list) {
    list = [];
    for (const [glob, id] of Object.entries(extra)) {
      try {
        // A pattern without `/` matches the base name (`*.inc` matches `src/a.inc`).
        list.push({ match: picomatch(glob, { dot: true, basename: !glob.includes('/') }), id });
      } catch {
        // An invalid glob is the config validator's to report; here it matches nothing.
      }
    }
    globCache.set(extra, list);
  }
  return list;
}

function lookupName(index: Index, base: string): LanguageSpec | undefined {
  return index.byFilename.get(base) ?? index.byFilenameLower.get(base.toLowerCase());
}

function lookupExtension(index: Index, base: string): LanguageSpec | undefined {
  const lower = base.toLowerCase();
  // Longest extension first: `a.tftest.hcl`, `x.d.ts`; a dotfile's name is not an extension.
  for (let dot = lower.indexOf('.', 1); dot >= 0; dot = lower.indexOf('.', dot + 1)) {
    const spec = index.byExtension.get(lower.slice(dot));
    if (spec) return spec;
  }
  return undefined;
}

/**
 * The language of a file: by exact file name (`Dockerfile`, then case-insensitively), then the
 * `extra` globs (the config's `languages` map), then file name patterns (`Dockerfile.prod`), then
 * the extension (case-insensitive, longest first). Built-in rows before run-time ones at each step.
 */
export function languageForPath(relPath: string, extra?: Record<string, string>): LanguageSpec | undefined {
  const path = relPath.replace(/\\/g, '/');
  const base = path.slice(path.lastIndexOf('/') + 1);
  const named = lookupName(builtIn, base) ?? lookupName(runtime, base);
  if (named) return named;
  if (extra) {
    for (const { match, id } of globMatchers(extra)) {
      if (match(path)) {
        const spec = languageById(id);
        if (spec) return spec;
      }
    }
  }
  for (const index of [builtIn, runtime]) {
    for (const p of index.patterns) if (p.match(base)) return p.spec;
  }
  return lookupExtension(builtIn, base) ?? lookupExtension(runtime, base);
}

/**
 * A spec from a VS Code language-configuration.json `comments` object. `lineComment` may also be
 * the newer `{ comment: "//" }` form. Strings get the defaults (`"` and `'`, backslash escapes).
 */
export function languageFromCommentConfig(
  id: string,
  config: { lineComment?: string | { comment?: string }; blockComment?: [string, string] },
): LanguageSpec {
  const line = typeof config.lineComment === 'string' ? config.lineComment : config.lineComment?.comment;
  const block = config.blockComment;
  return {
    id,
    lineComments: line ? [line] : [],
    blockComments: Array.isArray(block) && typeof block[0] === 'string' && typeof block[1] === 'string' && block[0] && block[1] ? [[block[0], block[1]]] : [],
  };
}
