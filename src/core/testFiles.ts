import picomatch from 'picomatch';

/** rules.md "Test files": the built-in globs; the config's `testFiles` adds more. */
export const TEST_FILE_GLOBS: readonly string[] = [
  '**/*.{test,spec}.*',
  '**/{test,tests,__tests__,spec}/**',
  '**/*_test.*',
  '**/test_*.py',
  '**/*_spec.rb',
  '**/*Test.{java,kt,cs}',
  '**/*Tests.{java,kt,cs}',
];

type Matcher = (path: string) => boolean;

const OPTIONS = { dot: true };
const builtIn: Matcher = picomatch([...TEST_FILE_GLOBS], OPTIONS);
/** Extra globs compiled once per distinct list (settings rarely change). */
const extraMatchers = new Map<string, Matcher | null>();

function extraMatcher(globs: readonly string[]): Matcher | null {
  const key = globs.join('\n');
  let matcher = extraMatchers.get(key);
  if (matcher === undefined) {
    if (extraMatchers.size > 32) extraMatchers.clear();
    try {
      matcher = picomatch([...globs], OPTIONS);
    } catch {
      // A glob picomatch rejects matches nothing; the config loader reports it to the user.
      matcher = null;
    }
    extraMatchers.set(key, matcher);
  }
  return matcher;
}

/** `path` is relative with '/' separators (backslashes and a leading './' are tolerated). */
export function isTestFile(path: string, extraGlobs: readonly string[] = []): boolean {
  const normalised = path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
  if (builtIn(normalised)) return true;
  if (extraGlobs.length === 0) return false;
  return extraMatcher(extraGlobs)?.(normalised) ?? false;
}
