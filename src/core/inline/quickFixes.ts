import { suppressionToolAt } from '../fixes/suppression';
import type { Finding } from '../types';

/** The quick fixes QA Lens offers; each is a command of the same name (`qaLens.<kind>`). */
export type FixKind = 'addTicket' | 'addDeadline' | 'addReason' | 'convertTsIgnore' | 'ignoreFinding' | 'openPrinciple';

const COMMENT_DEFERRALS = new Set(['deferred-to-sprint', 'vague-deferral', 'untracked-marker']);

/**
 * Which fixes make sense for a finding, most useful first. `lineText` is the finding's line (to
 * tell `@ts-ignore` from other suppressions). An inline ignore is never offered for a suppression:
 * silencing a silencer is not a fix.
 */
export function fixesFor(finding: Finding, lineText: string): FixKind[] {
  const fixes: FixKind[] = [];
  if (COMMENT_DEFERRALS.has(finding.ruleId)) fixes.push('addTicket', 'addDeadline', 'ignoreFinding');
  else if (finding.ruleId === 'expired-deadline') fixes.push('addDeadline', 'ignoreFinding');
  else if (finding.ruleId === 'tracked-marker') {
    if (finding.severity !== 'hint' && finding.deadline) fixes.push('addDeadline');
  } else if (finding.ruleId === 'suppressed-check') {
    const tool = suppressionToolAt(lineText, finding.column - 1);
    if (tool === 'ts-ignore') fixes.push('convertTsIgnore');
    else if (tool !== null && tool !== 'ts-nocheck') fixes.push('addReason');
  } else fixes.push('ignoreFinding');
  if (finding.principle) fixes.push('openPrinciple');
  return fixes;
}

export const FIX_TITLES: Record<FixKind, string> = {
  addTicket: 'Add a ticket reference',
  addDeadline: 'Add a deadline',
  addReason: 'Add a reason to this suppression',
  convertTsIgnore: 'Convert @ts-ignore to @ts-expect-error with a reason',
  ignoreFinding: 'Ignore here (qa-lens-ignore with a reason)',
  openPrinciple: 'Open the principle',
};
