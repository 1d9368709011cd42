import * as vscode from 'vscode';
import { allTickets, ticketLink } from '../../core/inline/ticketRefs';
import { lex } from '../../core/lexer';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';

/**
 * With `ticketUrl` set (settings or `.quality/config.json`), ticket references in comments become
 * links to the tracker. Only comments: `PROJ-1` in code or a string is not a reference.
 */
export class TicketLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly analyzer: DocumentAnalyzer) {}

  async provideDocumentLinks(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const analysis = await this.analyzer.analysis(doc);
    const template = analysis?.project?.config.ticketUrl;
    if (!analysis?.language || !template || token.isCancellationRequested) return [];
    const text = doc.getText();
    const patterns = analysis.project?.settings.ticketPatterns ?? [];
    const links: vscode.DocumentLink[] = [];
    for (const comment of lex(text, analysis.language).comments) {
      const content = text.slice(comment.contentStart, comment.contentEnd);
      if (!/\d/.test(content)) continue;
      for (const ticket of allTickets(content, patterns)) {
        const target = ticketLink(template, ticket.text);
        if (!target) continue;
        const start = doc.positionAt(comment.contentStart + ticket.start);
        const end = doc.positionAt(comment.contentStart + ticket.start + ticket.text.length);
        const link = new vscode.DocumentLink(new vscode.Range(start, end), vscode.Uri.parse(target));
        link.tooltip = `Open ${ticket.text}`;
        links.push(link);
      }
    }
    return links;
  }
}

export function registerTicketLinks(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentLinkProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }], new TicketLinkProvider(analyzer)),
  );
}
