import picomatch from 'picomatch';

/**
 * Globs the team writes (`appliesTo`, `exclude`, budgets) matched against workspace-relative paths
 * with `/` separators. `dot: true` because `.github/workflows/**` is as much a part of the code as
 * `src/**`.
 */
const OPTIONS: picomatch.PicomatchOptions = { dot: true };

type Matcher = (path: string) => boolean;

// Globs come from a handful of files and are matched against every file of a scan: compile once.
const cache = new Map<string, Matcher>();
const MAX_CACHE = 2000;

function compile(glob: string): Matcher {
  let matcher = cache.get(glob);
  if (!matcher) {
    try {
      matcher = picomatch(glob, OPTIONS);
    } catch {
      // An invalid glob matches nothing; globProblem() is how it gets reported.
      matcher = () => false;
    }
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(glob, matcher);
  }
  return matcher;
}

/** `src\a.ts` and `./src/a.ts` become `src/a.ts`, the form globs are written against. */
export function normaliseRelativePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/**
 * Whether the workspace-relative path is selected by the globs: some positive glob matches it and
 * no negated one (`!src/generated/**`) does. Only negated globs select everything else; no globs
 * select nothing. ("Any glob matches" would let `!x/**` select every file outside x.)
 */
export function matchesAny(globs: readonly string[], relPath: string): boolean {
  return globMatcher(globs)(relPath);
}

/** A predicate for many paths against the same globs (same semantics as matchesAny). */
export function globMatcher(globs: readonly string[]): (relPath: string) => boolean {
  const positive = globs.filter((glob) => !isNegated(glob)).map(compile);
  const negative = globs.filter(isNegated).map((glob) => compile(glob.slice(1)));
  if (positive.length === 0 && negative.length > 0) positive.push(compile('**'));
  return (relPath) => {
    const path = normaliseRelativePath(relPath);
    return positive.some((match) => match(path)) && !negative.some((match) => match(path));
  };
}

function isNegated(glob: string): boolean {
  return glob.startsWith('!') && !glob.startsWith('!(');
}

/**
 * Why a glob cannot work as written, or null when it is fine. Unbalanced brackets would otherwise be
 * taken literally and silently match nothing; absolute and backslash globs never match the
 * relative, `/`-separated paths they are compared with.
 */
export function globProblem(glob: unknown): string | null {
  if (typeof glob !== 'string') return `a glob must be a quoted string, not ${describe(glob)}`;
  if (glob.trim() === '') return 'a glob must not be empty';
  if (glob !== glob.trim()) return `glob '${glob}' has leading or trailing spaces`;
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob)) {
    return `glob '${glob}' is absolute; globs match paths relative to the workspace folder (write '${glob.replace(/^([A-Za-z]:)?[\\/]+/, '')}')`;
  }
  if (glob.includes('\\') && !/\\[[\]{}()*?!+@|\\]/.test(glob)) {
    return `glob '${glob}' uses '\\'; write paths with '/' (they are matched with '/' on every platform)`;
  }
  try {
    picomatch.makeRe(glob, { ...OPTIONS, strictBrackets: true });
  } catch (error) {
    return `glob '${glob}' is invalid: ${error instanceof Error ? error.message : String(error)}`;
  }
  return null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a mapping' : `the ${typeof value} ${JSON.stringify(value)}`;
}
