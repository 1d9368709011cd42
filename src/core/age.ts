/**
 * "7 months ago (≈15 sprints)": how long ago a line was written, in the unit a person would use,
 * and in sprints when it is at least one sprint old (the cost of "next sprint" made visible).
 */
const DAY_MS = 86_400_000;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Whole calendar months from `then` to `now` (a month is complete once its day of month is reached). */
export function monthsBetween(then: Date, now: Date): number {
  const months = (now.getFullYear() - then.getFullYear()) * 12 + (now.getMonth() - then.getMonth());
  return now.getDate() < then.getDate() ? months - 1 : months;
}

/** Whole days from `then` to `now`, never negative (a clock a little ahead must not say "in 2 days"). */
export function daysBetweenDates(then: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - then.getTime()) / DAY_MS));
}

/** "today", "yesterday", "5 days ago", "3 weeks ago", "7 months ago", "2 years ago". */
export function relativeAge(then: Date, now: Date): string {
  const days = daysBetweenDates(then, now);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${plural(days, 'day')} ago`;
  const months = monthsBetween(then, now);
  if (months < 2) return `${plural(Math.floor(days / 7), 'week')} ago`;
  if (months < 12) return `${plural(months, 'month')} ago`;
  return `${plural(Math.floor(months / 12), 'year')} ago`;
}

/** Sprints elapsed, rounded, or null when less than one sprint has passed. */
export function sprintsBetween(then: Date, now: Date, sprintLengthDays: number): number | null {
  const length = Number.isFinite(sprintLengthDays) && sprintLengthDays >= 1 ? sprintLengthDays : 14;
  const days = daysBetweenDates(then, now);
  if (days < length) return null;
  return Math.round(days / length);
}

/** "7 months ago (≈15 sprints)", or just "3 days ago" inside the first sprint. */
export function agePhrase(then: Date, now: Date, sprintLengthDays: number): string {
  const age = relativeAge(then, now);
  const sprints = sprintsBetween(then, now, sprintLengthDays);
  return sprints === null ? age : `${age} (≈${plural(sprints, 'sprint')})`;
}
