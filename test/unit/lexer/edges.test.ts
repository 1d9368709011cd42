import * as assert from 'node:assert/strict';
import { code, contents } from './helpers';

/**
 * Lexer edges the language tests leave open (each found by changing the lexer by one token and
 * seeing no test fail): lone CR line ends, CRLF after a continuation backslash, Haskell operators,
 * and char literal delimiters.
 */
describe('lexer edges', () => {
  it('a line comment ends at a lone CR (old Mac line ends)', () => {
    assert.deepEqual(contents('typescript', '// a\rx = 1; // b\r'), [' a', ' b']);
  });

  it('a PowerShell here-string closes at the start of a line after a lone CR', () => {
    for (const br of ['\n', '\r\n', '\r']) {
      assert.deepEqual(contents('powershell', ["$s = @'", '# not a comment', "'@", '# TODO real', ''].join(br)), [' TODO real'], JSON.stringify(br));
    }
  });

  it('a backslash before CRLF continues a C line comment onto the next line', () => {
    assert.deepEqual(contents('c', '// a \\\r\n continued\r\nint x; // b\r\n'), [' a \\\r\n continued', ' b']);
  });

  it('a backslash before CRLF continues a string; a // after it is still inside the string', () => {
    assert.deepEqual(contents('typescript', 'const s = "a\\\r\nb // c"; // real\r\n'), [' real']);
  });

  it('Haskell: dashes right after an operator symbol are an operator, not a comment', () => {
    assert.deepEqual(contents('haskell', 'a |-- b\nc -- real\n'), [' real']);
  });

  it('a char literal keeps its quotes in the code; only its content is blanked', () => {
    assert.equal(code('rust', "let c = '}';"), "let c = ' ';");
  });
});
