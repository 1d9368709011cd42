import { strict as assert } from 'node:assert';
import { findTicket } from '../../../src/core/rules/comments/tickets';

const ticket = (text: string, extra: RegExp[] = []): string | null => findTicket(text, extra)?.text ?? null;

describe('ticket references', () => {
  it('finds #123, GH-123 and Jira keys', () => {
    assert.equal(ticket('see #123'), '#123');
    assert.equal(ticket('GH-42 covers it'), 'GH-42');
    assert.equal(ticket('tracked in PROJ-1234.'), 'PROJ-1234');
  });

  it('ignores standards and hashes that look like keys', () => {
    for (const text of [
      'decode as UTF-8',
      'UTF-16 input',
      'SHA-1 and SHA-256',
      'ISO-8601 dates',
      'per RFC-7231',
      'CVE-2021-44228',
      'a CESU-8 encoding',
      'LATIN-1 text',
      'GB-18030 input',
      'a CRC-32 checksum',
      'ADLER-32',
      'MPEG-4 video',
      'a PDP-11 word',
    ]) {
      assert.equal(ticket(text), null, text);
    }
    assert.equal(ticket('PROJ-0 is not a key'), null);
    assert.equal(ticket('&#123; entity'), null);
  });

  it('finds issue and pull-request URLs', () => {
    const urls = [
      'https://github.com/acme/app/issues/12',
      'https://github.com/acme/app/pull/7',
      'https://gitlab.com/acme/group/app/-/issues/3',
      'https://gitlab.example.org/acme/app/-/merge_requests/9',
      'https://acme.atlassian.net/browse/OPS-17',
      'https://jira.acme.com/browse/OPS-17',
      'https://linear.app/acme/issue/ENG-123',
      'https://dev.azure.com/acme/app/_workitems/edit/42',
    ];
    for (const url of urls) assert.equal(ticket(`see ${url} for details`), url);
    assert.equal(ticket('see https://github.com/acme/app/blob/main/README.md'), null);
  });

  it('owners are not plans', () => {
    assert.equal(ticket('TODO(alice) tidy'), null);
  });

  it('applies the configured patterns', () => {
    assert.equal(ticket('see ticket acme/42', [/\bacme\/\d+/i]), 'acme/42');
    assert.equal(ticket('see ticket acme/42', [/\bacme\/\d+/gi]), 'acme/42');
  });
});
