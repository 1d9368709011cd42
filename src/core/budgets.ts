import { globMatcher } from './glob';
import { severityRank, type Finding } from './types';

/**
 * formats.md `budgets`: the most findings (warning or worse) allowed under each glob. Checked
 * after every scan; the CLI fails when a count grows past its budget.
 */
export interface BudgetResult {
  glob: string;
  budget: number;
  count: number;
}

/** Every budget with its count, in the config's order. */
export function countBudgets(findings: readonly Finding[], budgets: Readonly<Record<string, number>>): BudgetResult[] {
  const counted = findings.filter((finding) => severityRank(finding.severity) <= severityRank('warning'));
  return Object.entries(budgets).map(([glob, budget]) => {
    const matches = globMatcher([glob]);
    return { glob, budget, count: counted.filter((finding) => matches(finding.path)).length };
  });
}

/** The budgets whose count is past the budget. */
export function exceededBudgets(findings: readonly Finding[], budgets: Readonly<Record<string, number>> | undefined): BudgetResult[] {
  if (budgets === undefined) return [];
  return countBudgets(findings, budgets).filter((result) => result.count > result.budget);
}

/** One line a person can act on: names the glob, the budget and the count. */
export function describeExceededBudget(result: BudgetResult): string {
  const noun = result.count === 1 ? 'finding' : 'findings';
  return `budget exceeded: ${result.count} ${noun} (warning or worse) under '${result.glob}', budget ${result.budget} (${result.count - result.budget} over)`;
}
