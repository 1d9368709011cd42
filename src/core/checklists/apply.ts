import { matchesAny } from '../glob';
import type { Checklist } from './types';

/** The checklists whose `appliesTo` matches a workspace-relative path. */
export function checklistsFor(checklists: readonly Checklist[], relPath: string): Checklist[] {
  return checklists.filter((checklist) => matchesAny(checklist.appliesTo, relPath));
}

export function checklistById(checklists: readonly Checklist[], id: string): Checklist | undefined {
  return checklists.find((checklist) => checklist.id === id);
}
