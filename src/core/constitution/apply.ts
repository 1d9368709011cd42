import { matchesAny } from '../glob';
import type { PrincipleScope } from '../config/model';
import type { RuleId } from '../rules/ids';
import { PRINCIPLE_LEVELS, type Constitution, type Principle } from './types';

/** The active principles whose `appliesTo` matches a workspace-relative path, in document order. */
export function principlesFor(constitution: Constitution, relPath: string): Principle[] {
  return constitution.principles.filter((principle) => principle.status === 'active' && matchesAny(principle.appliesTo, relPath));
}

/**
 * The principle that speaks for a rule: among the active principles listing it (and, when a path
 * is given, applying to that path), the one with the strongest level, then the first in the
 * document. A diagnostic quotes the firmest commitment the team made about it, whatever order
 * the sections happen to be in.
 */
export function principleForRule(constitution: Constitution, ruleId: RuleId, relPath?: string): Principle | undefined {
  return byStrength(constitution).find((principle) => principle.rules.includes(ruleId) && (relPath === undefined || matchesAny(principle.appliesTo, relPath)));
}

/**
 * The active principles that speak for rules, in the order `principleForRule` picks from:
 * EngineSettings.principles, which the engine matches against each finding's path, so a
 * principle scoped to `src/**` is not cited in `test/`.
 */
export function principleScopes(constitution: Constitution): PrincipleScope[] {
  return byStrength(constitution).map((principle) => ({ id: principle.id, rules: [...principle.rules], appliesTo: [...principle.appliesTo] }));
}

/** Active principles that list rules: strongest level first, then in document order. */
function byStrength(constitution: Constitution): Principle[] {
  return constitution.principles
    .filter((principle) => principle.status === 'active' && principle.rules.length > 0)
    .map((principle, index) => ({ principle, index }))
    .sort((a, b) => PRINCIPLE_LEVELS.indexOf(a.principle.level) - PRINCIPLE_LEVELS.indexOf(b.principle.level) || a.index - b.index)
    .map(({ principle }) => principle);
}

/** Looks a principle up by id (retired ones included: reviews may cite them). */
export function principleById(constitution: Constitution, id: string): Principle | undefined {
  return constitution.principles.find((principle) => principle.id === id);
}
