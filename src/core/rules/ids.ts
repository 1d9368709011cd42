/**
 * Rule ids of ../shared/spec/rules.md. They are public interface (diagnostic codes, CLI output,
 * settings, constitution files): never rename one.
 */
export const COMMENT_RULE_IDS = [
  'expired-deadline',
  'deferred-to-sprint',
  'vague-deferral',
  'untracked-marker',
  'tracked-marker',
] as const;

export const CODE_RULE_IDS = [
  'suppressed-check',
  'skipped-test',
  'focused-test',
  'swallowed-error',
  'insecure-shortcut',
] as const;

export const RULE_IDS = [...COMMENT_RULE_IDS, ...CODE_RULE_IDS] as const;

export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(value: string): value is RuleId {
  return (RULE_IDS as readonly string[]).includes(value);
}
