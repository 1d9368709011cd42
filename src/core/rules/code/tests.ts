import type { RuleHit } from '../hit';
import type { RuleId } from '../ids';
import { documentFacts, lineExcerpt, type CodeContext } from './context';
import type { Family } from './families';
import { isGuardedSkip } from './guards';

/** One way to switch a test off or focus it, for some language families. */
interface TestPattern {
  rule: Extract<RuleId, 'skipped-test' | 'focused-test'>;
  families: readonly Family[];
  /** rules.md: some patterns count only in test files. */
  testFilesOnly: boolean;
  /** Any of these must occur in the code for the pattern to run (cheap prefilter). */
  literals: readonly string[];
  regex: RegExp;
  /** Calls can be guarded by a condition; annotations cannot. */
  guardable: boolean;
  /** Extra judgement on a match (e.g. Playwright's conditional `test.skip(cond, 'why')`). */
  accept?: (ctx: CodeContext, m: RegExpExecArray) => boolean;
  /** Where the finding goes, relative to the match. */
  anchor?: (m: RegExpExecArray) => { at: number; length: number };
}

const JS_BLOCK = String.raw`(?<![\w$.])(?:test\.)?(?:it|test|describe|context|suite|specify)`;

/**
 * Playwright's `test.skip(condition, 'reason')` and `test.skip(({ browserName }) => ...)` are
 * conditional; `it.skip('name', fn)`, `it.skip(name, fn)` and `test.skip()` are not.
 */
function unconditionalJsSkip(ctx: CodeContext, m: RegExpExecArray): boolean {
  const after = ctx.code.slice(m.index + m[0].length, m.index + m[0].length + 400);
  const args = /^\s*\(\s*/.exec(after);
  if (args === null) return true;
  const first = after.slice(args[0].length);
  if (/^['"`)]/.test(first)) return true;
  if (/^\(\s*\{/.test(first)) return false;
  // A first argument then a string: `test.skip(cond, 'why')`, within the call (one level of
  // nested parentheses), never a comma of some later line.
  return !/^[^,()\n]*(?:\([^()\n]*\)[^,()\n]*)*,\s*['"`]/.test(first);
}

/** JUnit's @Ignore/@Disabled names are common elsewhere (Room's @Ignore): only with JUnit around. */
function junitFile(ctx: CodeContext): boolean {
  return ctx.isTestFile || (ctx.whole ?? documentFacts(ctx.text)).mentionsJUnit;
}

const PATTERNS: readonly TestPattern[] = [
  // JavaScript / TypeScript (Jest, Mocha, Vitest, Jasmine, Playwright).
  { rule: 'skipped-test', families: ['js'], testFilesOnly: true, literals: ['.skip'], guardable: true, accept: unconditionalJsSkip,
    regex: new RegExp(String.raw`${JS_BLOCK}\.skip(?=\s*[(.\x60])`, 'g') },
  { rule: 'skipped-test', families: ['js'], testFilesOnly: true, literals: ['xit', 'xtest', 'xdescribe', 'xcontext', 'xspecify'], guardable: true,
    regex: /(?<![\w$.])(?:xit|xtest|xdescribe|xcontext|xspecify)(?=\s*\()/g },
  { rule: 'focused-test', families: ['js'], testFilesOnly: true, literals: ['.only'], guardable: false,
    regex: new RegExp(String.raw`${JS_BLOCK}\.only(?=\s*[(.\x60])`, 'g') },
  { rule: 'focused-test', families: ['js'], testFilesOnly: true, literals: ['fit', 'fdescribe', 'fcontext'], guardable: false,
    regex: /(?<![\w$.])(?:fit|fdescribe|fcontext)(?=\s*\()/g },
  // Python.
  { rule: 'skipped-test', families: ['python'], testFilesOnly: false, literals: ['mark.skip', '@unittest.skip', '@skip'], guardable: true,
    regex: /(?:@|\b)pytest\.mark\.skip\b|@(?:unittest\.)?skip\b(?=\s*[(\r\n])/g },
  // Ruby (RSpec, minitest).
  { rule: 'skipped-test', families: ['ruby'], testFilesOnly: true, literals: ['xit', 'xdescribe', 'xcontext', 'xspecify', 'xexample', 'xscenario', 'xfeature'], guardable: true,
    regex: /^[ \t]*(?:xit|xdescribe|xcontext|xspecify|xexample|xscenario|xfeature)\b(?=[ \t]*[('"]|[ \t]+do\b|[ \t]*$)/gm },
  { rule: 'skipped-test', families: ['ruby'], testFilesOnly: true, literals: ['pending', 'skip'], guardable: true,
    regex: /^[ \t]*(?:pending|skip)\b(?![?!:]|[ \t]*=(?![=~>]))/gm },
  { rule: 'focused-test', families: ['ruby'], testFilesOnly: true, literals: ['fit', 'fdescribe', 'fcontext', 'fspecify', 'fexample', 'fscenario'], guardable: false,
    regex: /^[ \t]*(?:fit|fdescribe|fcontext|fspecify|fexample|fscenario)\b(?=[ \t]*[('"]|[ \t]+(?:do\b|[A-Z]))/gm },
  // Go.
  { rule: 'skipped-test', families: ['go'], testFilesOnly: false, literals: ['.Skip'], guardable: true,
    regex: /(?<![\w.])[tb]\.Skip(?:f|Now)?(?=\()/g },
  // Rust.
  { rule: 'skipped-test', families: ['rust'], testFilesOnly: false, literals: ['ignore]', 'ignore ', 'ignore='], guardable: false,
    regex: /#\[\s*ignore\b/g },
  // JUnit.
  { rule: 'skipped-test', families: ['jvm'], testFilesOnly: false, literals: ['@Disabled', '@Ignore'], guardable: false,
    accept: junitFile, regex: /@(?:Disabled|Ignore)(?![\w])/g },
  // xUnit `[Fact(Skip = "...")]`, NUnit / MSTest `[Ignore]`.
  { rule: 'skipped-test', families: ['csharp'], testFilesOnly: false, literals: ['Skip'], guardable: false,
    regex: /\[\s*(?:Fact|Theory)\s*\([^\]\n]*?\bSkip\s*=/g,
    anchor: (m) => ({ at: m[0].lastIndexOf('Skip'), length: 4 }) },
  { rule: 'skipped-test', families: ['csharp'], testFilesOnly: false, literals: ['Ignore'], guardable: false,
    regex: /[[,][ \t]*Ignore\b(?=\s*[(\]])/g,
    anchor: (m) => ({ at: m[0].indexOf('Ignore'), length: 6 }) },
];

function message(rule: TestPattern['rule'], what: string): string {
  if (rule === 'focused-test') {
    return `Focused test (${what}) makes the runner skip every other test: remove the focus before merging.`;
  }
  return `Test switched off (${what}): fix and re-enable it, or delete it.`;
}

export function scanTests(ctx: CodeContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const pattern of PATTERNS) {
    if (!pattern.families.includes(ctx.family)) continue;
    if (pattern.testFilesOnly && !ctx.isTestFile) continue;
    if (!pattern.literals.some((literal) => ctx.code.includes(literal))) continue;
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(ctx.code); m !== null; m = pattern.regex.exec(ctx.code)) {
      const lead = /^[ \t]*/.exec(m[0])?.[0].length ?? 0;
      const { at, length } = pattern.anchor ? pattern.anchor(m) : { at: lead, length: m[0].length - lead };
      const start = m.index + at;
      const end = start + length;
      if (pattern.accept && !pattern.accept(ctx, m)) continue;
      if (pattern.guardable && isGuardedSkip(ctx, start, end)) continue;
      hits.push({ ruleId: pattern.rule, start, end, message: message(pattern.rule, ctx.code.slice(start, end)), excerpt: lineExcerpt(ctx, start) });
    }
  }
  return hits;
}
