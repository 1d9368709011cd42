import * as vscode from 'vscode';
import type { LineEdit } from '../../core/fixes/lineEdit';
import { isRuleId, type RuleId } from '../../core/rules/ids';
import type { Finding } from '../../core/types';
import type { DocumentAnalysis, DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { readonlyReason } from '../workspace/readonlyFiles';

/**
 * The arguments every quick-fix command takes: which finding (document, 1-based line and column,
 * rule), plus the input the command would otherwise ask for (`ticket`, `date`, `reason`), so tests
 * and other commands can drive it without a prompt.
 */
export interface FindingArgs {
  uri: string;
  line: number;
  column: number;
  ruleId: RuleId;
  ticket?: string;
  date?: string;
  reason?: string;
}

export function findingArgs(uri: vscode.Uri, finding: Finding): FindingArgs {
  return { uri: uri.toString(), line: finding.line, column: finding.column, ruleId: finding.ruleId };
}

/** A command link for a MarkdownString: `command:id?<encoded JSON args>`. */
export function commandLink(command: string, args: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

export interface FindingTarget {
  doc: vscode.TextDocument;
  finding: Finding;
  analysis: DocumentAnalysis;
}

function parseArgs(raw: unknown): FindingArgs | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const args = raw as Partial<Record<keyof FindingArgs, unknown>>;
  if (typeof args.uri !== 'string' || typeof args.line !== 'number' || typeof args.ruleId !== 'string' || !isRuleId(args.ruleId)) return undefined;
  return {
    uri: args.uri,
    line: args.line,
    column: typeof args.column === 'number' ? args.column : 1,
    ruleId: args.ruleId,
    ...(typeof args.ticket === 'string' ? { ticket: args.ticket } : {}),
    ...(typeof args.date === 'string' ? { date: args.date } : {}),
    ...(typeof args.reason === 'string' ? { reason: args.reason } : {}),
  };
}

/**
 * The finding a command was invoked for, looked up again in the current analysis (the text may
 * have changed since the quick fix was offered): same rule on the same line, nearest column.
 * Says why in a message and returns undefined when it is gone, or when the file is read-only.
 */
export async function resolveFinding(analyzer: DocumentAnalyzer, raw: unknown): Promise<{ target: FindingTarget; args: FindingArgs } | undefined> {
  const args = parseArgs(raw);
  if (!args) {
    void vscode.window.showErrorMessage('QA Lens: this command needs a finding; run it from a quick fix or the hover.');
    return undefined;
  }
  const uri = vscode.Uri.parse(args.uri);
  const name = uri.scheme === 'file' ? uri.fsPath : uri.toString();
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    // Deleted or moved since the quick fix or hover was shown, or it cannot be opened at all.
    const gone = await vscode.workspace.fs.stat(uri).then(() => false, (statError: unknown) => statError instanceof vscode.FileSystemError && statError.code === 'FileNotFound');
    const message = gone ? `${name} is no longer there` : `${name} cannot be opened (${error instanceof Error ? error.message : String(error)})`;
    void vscode.window.showInformationMessage(`QA Lens: ${message}, so its ${args.ruleId} finding cannot be changed.`);
    return undefined;
  }
  // Every command here edits the file: refused before it asks for a ticket, a date or a reason.
  const readonly = await readonlyReason(doc.uri);
  if (readonly !== undefined) {
    void vscode.window.showWarningMessage(`QA Lens: ${name} is read-only (${readonly}), so its ${args.ruleId} finding was not changed.`);
    return undefined;
  }
  const analysis = await analyzer.analysis(doc);
  const candidates = (analysis?.findings ?? []).filter((finding) => finding.ruleId === args.ruleId && finding.line === args.line);
  candidates.sort((a, b) => Math.abs(a.column - args.column) - Math.abs(b.column - args.column));
  const finding = candidates[0];
  if (!analysis || !finding) {
    void vscode.window.showInformationMessage(`QA Lens: the ${args.ruleId} finding on line ${args.line} is no longer there.`);
    return undefined;
  }
  return { target: { doc, finding, analysis }, args };
}

/**
 * The same finding in the document as it is now. The prompts stay open when focus leaves them
 * (ignoreFocusOut), so the user or a formatter may have edited the file before answering: an edit
 * computed from the line and column of before would change another line. Found again by its
 * fingerprint (rule, text and occurrence, not its line); undefined, said in a message, when the
 * edit took the finding away.
 */
export async function currentTarget(analyzer: DocumentAnalyzer, target: FindingTarget): Promise<FindingTarget | undefined> {
  const { doc, finding } = target;
  if (doc.version === target.analysis.version) return target;
  const analysis = await analyzer.analysis(doc);
  const now = analysis?.findings.find((candidate) => candidate.fingerprint === finding.fingerprint);
  if (!analysis || !now) {
    void vscode.window.showInformationMessage(`QA Lens: the ${finding.ruleId} finding changed while you answered, so nothing was written; run the quick fix again.`);
    return undefined;
  }
  return { doc, finding: now, analysis };
}

/** Applies a one-line edit to the document; true when VS Code applied it. */
export async function applyEdit(doc: vscode.TextDocument, edit: LineEdit): Promise<boolean> {
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(doc.uri, new vscode.Range(edit.line, edit.start, edit.line, edit.end), edit.text);
  return vscode.workspace.applyEdit(workspaceEdit);
}

/** Asks for a reason (one line, a few words), unless one was passed. */
export async function askReason(given: string | undefined, prompt: string, placeHolder: string): Promise<string | undefined> {
  const valid = (value: string): string | null =>
    value.trim().length >= 3 && /\p{L}/u.test(value) ? null : 'Write a few words saying why (at least 3 characters).';
  if (given !== undefined) {
    const problem = valid(given);
    if (problem) void vscode.window.showErrorMessage(`QA Lens: ${problem}`);
    return problem ? undefined : given;
  }
  return vscode.window.showInputBox({ prompt, placeHolder, validateInput: valid, ignoreFocusOut: true });
}
