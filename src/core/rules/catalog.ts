import type { Severity } from '../types';
import type { RuleId } from './ids';

/** What SARIF's `tool.driver.rules` and the docs say about each rule. */
export interface RuleInfo {
  id: RuleId;
  /** Human name, e.g. "Expired deadline". */
  name: string;
  shortDescription: string;
  fullDescription: string;
  defaultSeverity: Severity;
  kind: 'comment' | 'code';
}

export const RULES: readonly RuleInfo[] = [
  {
    id: 'expired-deadline',
    name: 'Expired deadline',
    shortDescription: 'A TODO or FIXME whose deadline has passed.',
    fullDescription:
      'A marker comment (TODO, FIXME...) carries a deadline, as the tag argument (TODO(2025-06-30)) or after "by", "until", "before", "due"..., and that date is already past. Do the work, or re-plan it with a new ticket and date.',
    defaultSeverity: 'error',
    kind: 'comment',
  },
  {
    id: 'deferred-to-sprint',
    name: 'Deferred to a future sprint',
    shortDescription: 'Work pushed to "next sprint", "next release", "post-MVP"... with no ticket or date.',
    fullDescription:
      'A comment pushes work to an unplanned future iteration (next sprint, next release, after launch, post-MVP, phase 2, v2, next quarter) without a ticket reference or deadline. Link a ticket or set a deadline so the work is planned.',
    defaultSeverity: 'warning',
    kind: 'comment',
  },
  {
    id: 'vague-deferral',
    name: 'Vague deferral',
    shortDescription: 'A "for now", "quick hack", "clean up later" comment with no plan.',
    fullDescription:
      'A comment admits a shortcut with no plan to remove it: for now, temporary workaround, quick fix, hacky, band-aid, clean up later, someday, tech debt, do not ship. Link a ticket or set a deadline, or do the work now.',
    defaultSeverity: 'warning',
    kind: 'comment',
  },
  {
    id: 'untracked-marker',
    name: 'Untracked marker',
    shortDescription: 'A TODO, FIXME, HACK... with no ticket reference and no deadline.',
    fullDescription:
      'A marker tag (TODO, FIXME, XXX, HACK, BUG, KLUDGE, OPTIMIZE, REVIEW) names work that no ticket or date tracks. Link a ticket (PROJ-123, #123 or an issue URL) or add a deadline, TODO(2026-12-31).',
    defaultSeverity: 'information',
    kind: 'comment',
  },
  {
    id: 'tracked-marker',
    name: 'Tracked marker',
    shortDescription: 'A TODO or deferral that names a ticket or a future deadline.',
    fullDescription:
      'A marker or deferral comment names a plan: a ticket reference or a deadline still in the future. Shown as a hint; raised to a warning when the deadline is within the warning window, so nothing expires by surprise.',
    defaultSeverity: 'hint',
    kind: 'comment',
  },
  {
    id: 'suppressed-check',
    name: 'Suppressed check',
    shortDescription: 'A linter or type check switched off without a written reason.',
    fullDescription:
      'A checker is switched off without a reason (eslint-disable, @ts-expect-error, # noqa, # type: ignore, pylint/rubocop disable, //nolint, @SuppressWarnings, #pragma warning disable, NOSONAR, qa-lens-ignore). @ts-ignore and @ts-nocheck are always reported: use @ts-expect-error with a reason.',
    defaultSeverity: 'warning',
    kind: 'code',
  },
  {
    id: 'skipped-test',
    name: 'Skipped test',
    shortDescription: 'A test switched off (it.skip, xit, @Disabled, @pytest.mark.skip, t.Skip...).',
    fullDescription:
      'A test is switched off without a condition: it.skip, xit, xdescribe, RSpec pending, minitest skip (in test files), JUnit @Disabled/@Ignore, xUnit Skip, NUnit [Ignore], @pytest.mark.skip, @unittest.skip, Go t.Skip, Rust #[ignore]. A skip guarded by a condition is not reported.',
    defaultSeverity: 'warning',
    kind: 'code',
  },
  {
    id: 'focused-test',
    name: 'Focused test',
    shortDescription: 'it.only, describe.only, fit, fdescribe left in a test file.',
    fullDescription:
      'A focused test (it.only, test.only, describe.only, fit, fdescribe) makes the runner skip every other test. Remove the focus before merging.',
    defaultSeverity: 'error',
    kind: 'code',
  },
  {
    id: 'swallowed-error',
    name: 'Swallowed error',
    shortDescription: 'An error caught and dropped: empty catch, except: pass, empty rescue.',
    fullDescription:
      'An error is caught and dropped: an empty catch block, except ...: pass, a Ruby rescue with an empty or nil body, or the rescue nil modifier. Handle it, rethrow it, or add a comment saying why it is safe to ignore.',
    defaultSeverity: 'warning',
    kind: 'code',
  },
  {
    id: 'insecure-shortcut',
    name: 'Insecure shortcut',
    shortDescription: 'TLS verification disabled or world-writable permissions.',
    fullDescription:
      'Security switched off for convenience: TLS verification disabled (rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED=0, verify=False, InsecureSkipVerify: true, ssl._create_unverified_context, curl -k, strict-ssl false) or world-writable permissions (chmod 777, 0o777).',
    defaultSeverity: 'warning',
    kind: 'code',
  },
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleInfo(id: RuleId): RuleInfo {
  const info = BY_ID.get(id);
  if (info === undefined) throw new Error(`Unknown rule id ${id}`);
  return info;
}
