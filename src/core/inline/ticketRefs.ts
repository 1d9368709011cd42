import type { CommentToken } from '../lexer/types';
import { findTicket } from '../rules/comments/tickets';

/** Every ticket reference in a text, in order, by the engine's own rules (findTicket, repeatedly). */
export function allTickets(text: string, userPatterns: readonly RegExp[]): Array<{ text: string; start: number }> {
  const found: Array<{ text: string; start: number }> = [];
  let offset = 0;
  while (offset < text.length) {
    const rest = text.slice(offset);
    const ticket = findTicket(rest, userPatterns);
    if (!ticket || ticket.text.length === 0) break;
    found.push({ text: ticket.text, start: offset + ticket.start });
    offset += ticket.start + ticket.text.length;
  }
  return found;
}

/** A ticket's link from the `ticketUrl` template: `{id}` is the reference without a leading `#`. */
export function ticketLink(template: string, ticket: string): string | null {
  if (!template.includes('{id}') || /^https?:\/\//.test(ticket)) return null;
  return template.replace(/\{id\}/g, encodeURIComponent(ticket.replace(/^#/, '')));
}

/**
 * The ticket references in a document's comments, with offsets into the document. Only comments:
 * `PROJ-1` in code or a string is not a reference.
 */
export function ticketReferences(text: string, comments: readonly CommentToken[], userPatterns: readonly RegExp[]): Array<{ text: string; start: number }> {
  const found: Array<{ text: string; start: number }> = [];
  for (const comment of comments) {
    const content = text.slice(comment.contentStart, comment.contentEnd);
    // Every reference form holds a digit: most comments are passed over without a search.
    if (!/\d/.test(content)) continue;
    for (const ticket of allTickets(content, userPatterns)) found.push({ text: ticket.text, start: comment.contentStart + ticket.start });
  }
  return found;
}
