import type { Finding } from '../types';

/** The first quoted phrase of an engine message (`Deferred to "next sprint" ...`). */
function quoted(message: string): string | null {
  return /"([^"]+)"/.exec(message)?.[1] ?? null;
}

/** "due in 5 days" / "due today" when the engine escalated a deadline inside the warning window. */
export function dueSoon(message: string): string | null {
  return /\bdue (in \d+ days?|today)\b/.exec(message)?.[0] ?? null;
}

/**
 * What a finding is, in a few words, for a CodeLens: `deferred to "next sprint"`, `TODO due in
 * 5 days`, `TLS or permissions switched off`. The full sentence stays in the diagnostic.
 */
export function findingLabel(finding: Finding): string {
  const what = finding.tag ?? 'deferral';
  switch (finding.ruleId) {
    case 'expired-deadline':
      return `${what} deadline ${finding.deadline ?? ''} has passed`.replace(/\s+/g, ' ');
    case 'deferred-to-sprint': {
      const phrase = quoted(finding.message);
      return phrase ? `deferred to "${phrase}"` : 'deferred to a future sprint';
    }
    case 'vague-deferral': {
      const phrase = quoted(finding.message);
      return phrase ? `"${phrase}" with no plan` : 'deferred with no plan';
    }
    case 'untracked-marker':
      return `${what} with no ticket or deadline`;
    case 'tracked-marker': {
      const due = dueSoon(finding.message);
      if (due) return `${what} ${due}`;
      return finding.ticket ? `${what} tracked by ${finding.ticket}` : `${what} due ${finding.deadline ?? ''}`.trim();
    }
    case 'suppressed-check':
      return 'check switched off without a reason';
    case 'skipped-test':
      return 'test skipped';
    case 'focused-test':
      return 'focused test: the others do not run';
    case 'swallowed-error':
      return 'error swallowed';
    case 'insecure-shortcut':
      return 'security switched off';
  }
}

/** `QA: deferred to "next sprint" 7 months ago (≈15 sprints) · ENG-02 Value over MVP shortcuts` */
export function lensTitle(label: string, age: string | null, principle: { id: string; title: string } | null): string {
  const parts = [`QA: ${label}${age ? ` ${age}` : ''}`];
  if (principle) parts.push(`${principle.id} ${principle.title}`);
  return parts.join(' · ');
}
