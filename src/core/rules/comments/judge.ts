import type { RuleId } from '../ids';
import { daysBetween, findDeadline, type Deadline } from './deadlines';
import { findPhrase, SPRINT_PHRASES, VAGUE_PHRASES, type PhraseMatch } from './phrases';
import { USER_PATTERN_INPUT_LIMIT } from '../../regexSafety';
import { findTicket, type TicketRef } from './tickets';
import type { MarkerTag } from './markers';

/** What judging a note needs from the settings and the clock. */
export interface NoteContext {
  /** Today, ISO. */
  today: string;
  deadlineWarningDays: number;
  sprintLengthDays: number;
  ticketPatterns: readonly RegExp[];
  /** User phrases per comment rule, already compiled and safe. */
  phrases: Partial<Record<RuleId, readonly RegExp[]>>;
  enabled: (rule: RuleId) => boolean;
}

/** The single finding of a note; offsets into the note text. */
export interface NoteVerdict {
  ruleId: RuleId;
  start: number;
  end: number;
  message: string;
  tag: string | null;
  ticket: string | null;
  deadline: string | null;
  escalate: boolean;
}

const NO_PHRASES: readonly RegExp[] = [];

/** Phrase of a rule: built-ins first, then the user's (capped, they are the user's patterns). */
function phraseFor(text: string, rule: RuleId, builtIn: readonly RegExp[], ctx: NoteContext): PhraseMatch | null {
  const own = findPhrase(text, builtIn);
  const user = findPhrase(text, ctx.phrases[rule] ?? NO_PHRASES, USER_PATTERN_INPUT_LIMIT);
  if (own === null) return user;
  if (user === null) return own;
  return user.start < own.start ? user : own;
}

/**
 * A user phrase for `untracked-marker` / `tracked-marker` acts like an extra marker (a house tag
 * such as `@later`): the note is judged as a marker note, placed at the phrase.
 */
function userMarker(text: string, ctx: NoteContext): MarkerTag | null {
  const patterns = [...(ctx.phrases['untracked-marker'] ?? NO_PHRASES), ...(ctx.phrases['tracked-marker'] ?? NO_PHRASES)];
  if (patterns.length === 0) return null;
  const m = findPhrase(text, patterns, USER_PATTERN_INPUT_LIMIT);
  return m ? { name: m.text.trim().toUpperCase(), start: m.start, end: m.end, argument: null } : null;
}

/**
 * Judges one note (rules.md "Comment rules"): at most one finding, the highest precedence winning;
 * when the winning rule is switched off, the next one that applies speaks instead.
 * `tag` offsets are relative to `text`.
 */
export function judgeNote(text: string, tag: MarkerTag | null, ctx: NoteContext): NoteVerdict | null {
  const marker = tag ?? userMarker(text, ctx);
  const sprint = phraseFor(text, 'deferred-to-sprint', SPRINT_PHRASES, ctx);
  const vague = phraseFor(text, 'vague-deferral', VAGUE_PHRASES, ctx);
  if (marker === null && sprint === null && vague === null) return null;

  const ticket = findTicket(text, ctx.ticketPatterns);
  const deadline = findDeadline(text, tag?.argument ?? null);
  const daysLeft = deadline ? daysBetween(ctx.today, deadline.iso) : null;
  const past = daysLeft !== null && daysLeft < 0;
  const plan = ticket !== null || (daysLeft !== null && daysLeft >= 0);

  const base = { tag: marker?.name ?? null, ticket: ticket?.text ?? null, deadline: deadline?.iso ?? null };
  const earliest = sprint && vague ? (sprint.start <= vague.start ? sprint : vague) : (sprint ?? vague);
  const place = (phrase: PhraseMatch | null): { start: number; end: number } =>
    marker ? { start: marker.start, end: marker.end } : { start: phrase?.start ?? 0, end: phrase?.end ?? 0 };

  const candidates: Array<() => NoteVerdict | null> = [
    () =>
      marker && past && deadline && daysLeft !== null
        ? { ruleId: 'expired-deadline', ...place(earliest), ...base, escalate: false, message: expiredMessage(deadline, -daysLeft) }
        : null,
    () => (plan ? trackedVerdict(marker?.name ?? null, ticket, deadline, daysLeft, place(earliest), base, ctx) : null),
    () =>
      sprint
        ? { ruleId: 'deferred-to-sprint', ...place(sprint), ...base, escalate: false, message: `Deferred to "${oneLine(sprint.text)}" with no ticket or date: link a ticket or set a deadline.` }
        : null,
    () =>
      vague
        ? { ruleId: 'vague-deferral', ...place(vague), ...base, escalate: false, message: `"${oneLine(vague.text)}" defers work with no plan: link a ticket or set a deadline, or do it now.` }
        : null,
    () =>
      marker
        ? { ruleId: 'untracked-marker', ...place(null), ...base, escalate: false, message: untrackedMessage(marker.name, ctx) }
        : null,
  ];
  // Precedence decides which rules may speak: a plan stops 2-4, a past deadline beats everything.
  let allowed = candidates;
  if (plan && !past) allowed = [candidates[1]];
  for (const candidate of allowed) {
    const verdict = candidate();
    if (verdict && ctx.enabled(verdict.ruleId)) return verdict;
  }
  return null;
}

/** A phrase that runs over two comment lines, quoted on one: messages are single lines (Problems, SARIF, terminals). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function expiredMessage(deadline: Deadline, daysAgo: number): string {
  return `Deadline ${deadline.iso} passed ${plural(daysAgo, 'day')} ago: do the work, or re-plan it with a new ticket and date.`;
}

function trackedVerdict(
  name: string | null,
  ticket: TicketRef | null,
  deadline: Deadline | null,
  daysLeft: number | null,
  range: { start: number; end: number },
  base: { tag: string | null; ticket: string | null; deadline: string | null },
  ctx: NoteContext,
): NoteVerdict {
  const what = name ?? 'Deferral';
  const future = deadline !== null && daysLeft !== null && daysLeft >= 0;
  const escalate = future && daysLeft <= ctx.deadlineWarningDays;
  let message: string;
  if (escalate) {
    const when = daysLeft === 0 ? 'today' : `in ${plural(daysLeft, 'day')}`;
    message = `${what} is due ${when} (${deadline.iso}): do the work now, or re-plan it with a new date.`;
  } else if (ticket !== null) {
    message = `${what} is tracked by ${ticket.text}: remove this comment when that work is done.`;
  } else {
    message = `${what} is due ${deadline?.iso ?? ''}: do the work before then, or re-plan it.`;
  }
  return { ruleId: 'tracked-marker', ...range, ...base, escalate, message };
}

/** Suggests a date at least two sprints away: the end of this year, or of next year. */
function exampleDate(ctx: NoteContext): string {
  const year = Number(ctx.today.slice(0, 4));
  const endOfYear = `${year}-12-31`;
  return daysBetween(ctx.today, endOfYear) >= 2 * ctx.sprintLengthDays ? endOfYear : `${year + 1}-12-31`;
}

function untrackedMessage(name: string, ctx: NoteContext): string {
  return `${name} with no ticket or deadline: link a ticket (e.g. PROJ-123) or add a date, ${name}(${exampleDate(ctx)}).`;
}
