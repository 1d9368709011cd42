import * as assert from 'node:assert/strict';
import { code, contents, tokens } from './helpers';

describe('lexer: Ruby', () => {
  it('heredocs: <<~, <<-, quoted, several on one line, code after the opener', () => {
    const text = [
      'a = <<~EOS.strip # one',
      '  # not a comment',
      '  EOS',
      'b = <<-\'RAW\' + <<"Q" # two',
      '  #{no}',
      '  RAW',
      '# still heredoc',
      'Q',
      'c = <<SQL',
      '# no',
      'SQL',
      '# three',
    ].join('\n');
    assert.deepEqual(contents('ruby', text), [' one', ' two', ' three']);
    assert.ok(!code('ruby', text).includes('not a comment'));
  });

  it('a shift is not a heredoc', () => {
    assert.deepEqual(contents('ruby', 'arr << item # one\nclass << self # two\nend'), [' one', ' two']);
  });

  it('%-literals with any delimiter', () => {
    const text = '%w(a #b (c)) + %i[x #y] + %q{#{no}} + %Q|# no| + %r!# no!i + %(# no) # yes';
    assert.deepEqual(contents('ruby', text), [' yes']);
  });

  it('modulo is not a %-literal', () => {
    assert.deepEqual(contents('ruby', 'x = a % (b) # one\ny = 10 %3 # two'), [' one', ' two']);
  });

  it('=begin/=end only at the start of a line', () => {
    const text = 'x = 1\n=begin\nTODO block\n=end\ny = "=begin" # real';
    assert.deepEqual(tokens('ruby', text), ['block:=begin\nTODO block\n=end', 'line:# real']);
  });

  it('regex literals, including after a method name', () => {
    const text = 'a = s.split /#no/\nb = x =~ /# no/ # one\nc = y / 2 # two\nd = z/3 # three';
    assert.deepEqual(contents('ruby', text), [' one', ' two', ' three']);
  });

  it('interpolation is code: a comment there is a comment', () => {
    assert.deepEqual(contents('ruby', 'x = "#{a # inner\n}" # outer'), [' inner', ' outer']);
  });

  it('__END__ ends the code', () => {
    assert.deepEqual(contents('ruby', '# one\n__END__\n# data, not a comment'), [' one']);
  });

  it('$\' and $" are variables, not quotes', () => {
    assert.deepEqual(contents('ruby', 'x = $\' + $" # yes'), [' yes']);
  });
});

describe('lexer: Perl', () => {
  it('POD blocks are comments', () => {
    assert.deepEqual(tokens('perl', 'my $x;\n=head1 NAME\n\nTODO doc\n\n=cut\nmy $y;'), ['block:=head1 NAME\n\nTODO doc\n\n=cut']);
  });

  it('$# and quote-like operators', () => {
    const text = 'my $n = $#arr; my @w = qw(a #b); s{#x}{#y}g; tr/#/-/; my $q = qq{# {nested}}; # yes';
    assert.deepEqual(contents('perl', text), [' yes']);
  });

  it('variables named like quote operators are not', () => {
    assert.deepEqual(contents('perl', 'my $s = 1; $h{q} = 2; my %y = (y => 1); # yes'), [' yes']);
  });

  it('regex after =~ and heredocs', () => {
    const text = 'if ($x =~ /#no/) { print <<"END"; } # one\n# no\nEND\n# two';
    assert.deepEqual(contents('perl', text), [' one', ' two']);
  });
});
