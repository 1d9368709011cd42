import { USER_PATTERN_INPUT_LIMIT } from '../../regexSafety';
/**
 * Ticket references (rules.md "Ticket references"): `#123`, Jira-style keys (`GH-123`, `PROJ-42`)
 * except standards and hashes that look like one, issue / pull-request / ticket URLs, and the
 * config's `ticketPatterns`. An owner alone (`TODO(alice)`) is not a plan.
 */
export interface TicketRef {
  text: string;
  start: number;
}

const URLS = new RegExp(
  [
    // GitHub issues, pull requests, discussions.
    String.raw`https?://(?:www\.)?github\.com/[\w.-]+/[\w.-]+/(?:issues|pull|pulls|discussions)/\d+`,
    // GitLab (gitlab.com or self-hosted gitlab.*): issues, merge requests, work items.
    String.raw`https?://[\w.-]*gitlab[\w.-]*/[\w./-]+?/(?:-/)?(?:issues|merge_requests|work_items)/\d+`,
    // Jira: Atlassian cloud or any /browse/KEY-1.
    String.raw`https?://[\w.-]+/(?:[\w./-]*/)?browse/[A-Z][A-Z0-9]+-\d+`,
    String.raw`https?://[\w.-]+\.atlassian\.net/[^\s)>\]]*?\b[A-Z][A-Z0-9]+-\d+`,
    // Linear.
    String.raw`https?://linear\.app/[\w.-]+/issue/[A-Za-z][A-Za-z0-9]+-\d+`,
    // Azure DevOps work items (dev.azure.com and the older visualstudio.com).
    String.raw`https?://(?:dev\.azure\.com|[\w-]+\.visualstudio\.com)/[^\s)>\]]*?_workitems/(?:edit/)?\d+`,
  ].join('|'),
  'g',
);

const KEY = /(?<![\w-])([A-Z][A-Z0-9]{1,9})-[1-9]\d*(?![\w])/g;
const HASH_NUMBER = /(?<![\w&#/])#\d{1,7}(?!\w)/g;

/** Prefixes of standards, encodings and hash names that look like ticket keys. */
const NOT_TICKET_KEYS = new Set([
  'UTF', 'UCS', 'SHA', 'MD', 'ISO', 'RFC', 'CVE', 'CWE', 'AES', 'RSA', 'HTTP', 'TLS', 'SSL', 'PEP',
  'ES', 'ECMA', 'IEEE', 'ANSI', 'CP', 'PKCS', 'WIN', 'IPV',
  // Encodings, checksums, machines (CESU-8 and PDP-11 were read as tickets scanning mocha's bundle and perldiag).
  'CESU', 'LATIN', 'GB', 'CRC', 'ADLER', 'FNV', 'MPEG', 'PDP',
]);

export function findTicket(text: string, userPatterns: readonly RegExp[]): TicketRef | null {
  let best: TicketRef | null = null;
  const consider = (candidate: string, start: number): void => {
    if (best === null || start < best.start) best = { text: candidate, start };
  };
  if (text.includes('://')) {
    URLS.lastIndex = 0;
    const url = URLS.exec(text);
    if (url) consider(url[0], url.index);
  }
  KEY.lastIndex = 0;
  for (let m = KEY.exec(text); m !== null; m = KEY.exec(text)) {
    if (NOT_TICKET_KEYS.has(m[1])) continue;
    consider(m[0], m.index);
    break;
  }
  if (text.includes('#')) {
    HASH_NUMBER.lastIndex = 0;
    const hash = HASH_NUMBER.exec(text);
    if (hash) consider(hash[0], hash.index);
  }
  if (userPatterns.length > 0) {
    const capped = text.length > USER_PATTERN_INPUT_LIMIT ? text.slice(0, USER_PATTERN_INPUT_LIMIT) : text;
    for (const pattern of userPatterns) {
      pattern.lastIndex = 0;
      const m = pattern.exec(capped);
      pattern.lastIndex = 0;
      if (m && m[0].length > 0) consider(m[0], m.index);
    }
  }
  return best;
}
