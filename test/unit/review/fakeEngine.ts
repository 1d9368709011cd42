import type { AnalyzeFile } from '../../../src/core/review/index';

/** A stand-in engine: flags "next sprint" comments and every `export` line, so unchanged lines would show if not filtered. */
export const flagSprintsAndExports: AnalyzeFile = (_path, text) =>
  text.split('\n').flatMap((line, i) => {
    const sprint = line.indexOf('next sprint');
    if (sprint >= 0) return [{ ruleId: 'deferred-to-sprint', severity: 'warning', line: i + 1, column: sprint + 1, message: 'deferred to a sprint', excerpt: line.trim() }];
    if (line.startsWith('export')) return [{ ruleId: 'fake-export', severity: 'hint', line: i + 1, column: 1, message: 'an export', excerpt: line }];
    return [];
  });
