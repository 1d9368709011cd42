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
