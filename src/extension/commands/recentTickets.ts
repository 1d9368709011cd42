import type * as vscode from 'vscode';

const KEY = 'qaLens.recentTickets';
const MAX = 8;

/** The tickets this workspace referenced lately (most recent first), kept in workspaceState. */
export function recentTickets(state: vscode.Memento): string[] {
  const stored = state.get<unknown>(KEY);
  return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string').slice(0, MAX) : [];
}

export function rememberTicket(state: vscode.Memento, ticket: string): Thenable<void> {
  return state.update(KEY, [ticket, ...recentTickets(state).filter((item) => item !== ticket)].slice(0, MAX));
}
