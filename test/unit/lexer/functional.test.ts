import * as assert from 'node:assert/strict';
import { code, contents, tokens } from './helpers';

describe('lexer: functional and other languages', () => {
  it('Haskell: nested {- -}, --> is an operator, primes are not chars', () => {
    const text = "{- a {- b -} c -}\nx --> y -- one\nf' x = foldl' g 'a' xs --| two\n--- three\n{-# LANGUAGE X #-}";
    assert.deepEqual(tokens('haskell', text), ['block:{- a {- b -} c -}', 'line:-- one', 'line:--- three', 'block:{-# LANGUAGE X #-}']);
  });

  it('OCaml: nested (* *), type variables, quoted strings', () => {
    const text = "(* a (* b *) c *) let f (x : 'a) = {|(* no|} ^ \"(* no\" ^ String.make 1 '\"' (* one *)";
    assert.deepEqual(contents('ocaml', text), [' a (* b *) c ', ' one ']);
  });

  it('F#: // and nested (* *), verbatim and triple-quoted strings', () => {
    assert.deepEqual(contents('fsharp', 'let s = @"\\" // one\nlet t = """(* no""" (* a (* b *) *)'), [' one', ' a (* b *) ']);
  });

  it('Elixir: sigils, ?# and interpolation', () => {
    const text = 'x = ?# # one\nr = ~r/# no/i <> ~s(# (no)) <> ~S"""\n# no\n""" # two\ns = "#{a # three\n}"';
    assert.deepEqual(contents('elixir', text), [' one', ' two', ' three']);
  });

  it('Erlang: $% is a character', () => {
    assert.deepEqual(contents('erlang', 'X = $%, Y = "% no", \'a%b\' % one'), [' one']);
  });

  it('Clojure: \\; is a character', () => {
    assert.deepEqual(contents('clojure', '(str \\; \\newline "; no") ; one'), [' one']);
  });

  it('Lua: long brackets of any level, for comments and strings', () => {
    const text = 'x = [==[ ]] -- no ]==] --[[ one ]] --[=[ two ]] ]=] -- three\ny = "-- no"';
    assert.deepEqual(tokens('lua', text), ['block:--[[ one ]]', 'block:--[=[ two ]] ]=]', 'line:-- three']);
  });

  it('SQL: --, /* */, doubled quotes, dollar quoting', () => {
    const text = "SELECT 'it''s -- no', \"a--b\" -- one\n/* two */ $fn$ -- no $fn$; $1 -- three";
    assert.deepEqual(contents('sql', text), [' one', ' two ', ' three']);
  });

  it('Julia: nested #= =#, transpose versus chars', () => {
    const text = "#= a #= b =# c =#\ny = x' * A'; c = '#' # one\ns = \"$(f(\"# no\")) # no\"";
    assert.deepEqual(contents('julia', text), [' a #= b =# c ', ' one']);
  });

  it('Nim: nested #[ ]#', () => {
    assert.deepEqual(contents('nim', '#[ a #[ b ]# c ]# let s = "# no" # one'), [' a #[ b ]# c ', ' one']);
  });

  it('CMake: bracket comments and arguments', () => {
    assert.deepEqual(contents('cmake', '#[==[ one ]==]\nset(A [[ # no ]]) # two'), [' one ', ' two']);
  });

  it('Nix: indented strings with interpolation', () => {
    assert.deepEqual(contents('nix', "s = ''\n  # no ${x /* one */}\n''; # two"), [' one ', ' two']);
  });

  it('R, VB, LaTeX, GraphQL', () => {
    assert.deepEqual(contents('r', 's <- "# no\n# no" # one'), [' one']);
    assert.deepEqual(contents('vb', 'Dim s = "\'no""" \' one\nREM two'), [' one', ' two']);
    assert.deepEqual(contents('latex', '50\\% off % one'), [' one']);
    assert.deepEqual(contents('graphql', '"""\n# no\n"""\ntype A # one'), [' one']);
    assert.ok(code('latex', '50\\% off % one').startsWith('50\\% off'));
  });
});
