import * as assert from 'node:assert/strict';
import { code, contents, tokens } from './helpers';

describe('lexer: shell', () => {
  it('# starts a comment only at the start of a word', () => {
    const text = 'echo a#b $# ${#arr[@]} \\#x "#q" \'#s\' # one\nls;# two\n(# three\n)';
    assert.deepEqual(contents('shellscript', text), [' one', ' two', ' three']);
  });

  it('heredocs: <<EOF, <<-EOF, <<\'EOF\', <<"EOF", and code after the opener', () => {
    const text = [
      'cat <<EOF | grep x # one',
      '# body',
      'EOF',
      'cat <<-\'END\'',
      '\t# body',
      '\tEND',
      'cat << "X" # two',
      '# body',
      'X',
      'echo $((1<<2)) # three',
    ].join('\n');
    assert.deepEqual(contents('shellscript', text), [' one', ' two', ' three']);
  });

  it('values are code: string contents stay in code, comments do not', () => {
    const text = 'curl -k "https://x" # TODO\ncat <<EOF\nchmod 777 f\nEOF';
    const c = code('shellscript', text);
    assert.ok(c.includes('"https://x"') && c.includes('chmod 777 f') && !c.includes('TODO'));
  });

  it('command substitution inside double quotes', () => {
    assert.deepEqual(contents('shellscript', 'x="$(echo "# no")" # yes'), [' yes']);
  });
});

describe('lexer: PowerShell, batch, Dockerfile, Makefile', () => {
  it('PowerShell: <# #> blocks, here-strings, backtick escapes', () => {
    const text = "<# block\n#> $a = \"x `\" # no\" # one\n$h = @'\n# no\n'@\n$t = @\"\n#x $(1 <# in #>)\n\"@ # two";
    assert.deepEqual(tokens('powershell', text), ['block:<# block\n#>', 'line:# one', 'block:<# in #>', 'line:# two']);
  });

  it('batch: REM and :: at the start of a line', () => {
    assert.deepEqual(contents('bat', 'REM one\n  :: two\necho rem no :: no\n@rem three\nremark no'), [' one', ' two', ' three']);
  });

  it('Dockerfile: # only at the start of a line; values are code', () => {
    const text = '# syntax=docker/dockerfile:1\nRUN curl -k https://x # not a Docker comment\n  # indented comment';
    assert.deepEqual(contents('dockerfile', text), [' syntax=docker/dockerfile:1', ' indented comment']);
    assert.ok(code('dockerfile', text).includes('curl -k https://x # not'));
  });

  it('Makefile: # anywhere except escaped', () => {
    assert.deepEqual(contents('makefile', 'X = a\\#b # one\nall:\n\techo "#no" # two'), [' one', ' two']);
  });
});
