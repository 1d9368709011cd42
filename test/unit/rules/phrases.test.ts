import { strict as assert } from 'node:assert';
import { findPhrase, SPRINT_PHRASES, VAGUE_PHRASES } from '../../../src/core/rules/comments/phrases';

const sprint = (text: string): string | null => findPhrase(text, SPRINT_PHRASES)?.text ?? null;
const vague = (text: string): string | null => findPhrase(text, VAGUE_PHRASES)?.text ?? null;

describe('deferral phrases', () => {
  it('deferred-to-sprint: pushes to an unplanned future iteration', () => {
    const hits: Array<[string, string]> = [
      ["we'll fix it next sprint", 'next sprint'],
      ['in the following sprints', 'following sprints'],
      ['maybe in a future sprint', 'future sprint'],
      ['next iteration', 'next iteration'],
      ['we will do this in the next iteration', 'next iteration'],
      ['handle in a future release', 'future release'],
      ['in the next version', 'next version'],
      ['after launch', 'after launch'],
      ['after the release we tidy', 'after the release'],
      ['post-launch', 'post-launch'],
      ['post-MVP', 'post-MVP'],
      ['after the MVP', 'after the MVP'],
      ['out of scope for the MVP', 'out of scope for the MVP'],
      ['in phase 2', 'in phase 2'],
      ['until phase two', 'until phase two'],
      ['proper support in v2', 'in v2'],
      ['for v3 only', 'for v3'],
      ['next quarter', 'next quarter'],
      ['next PI', 'next PI'],
      ['NEXT SPRINT', 'NEXT SPRINT'],
      ['Remove padding in v2.', 'in v2'],
      ['IN V3 we drop it', 'IN V3'],
      ['planned for the v8 rewrite', 'for the v8'],
      ['will be added in v3', 'in v3'],
      ['to be fixed in v2', 'in v2'],
      ['should be deprecated for v2.1', 'for v2.1'],
      ['will be removed in a future version', 'future version'],
      ['we should fix it in a future release', 'future release'],
      ['Future versions of coverage will use sys.monitoring', 'Future versions'],
    ];
    for (const [text, phrase] of hits) assert.equal(sprint(text), phrase, text);
  });

  it('deferred-to-sprint: not the v2 API, release notes, the next line', () => {
    for (const text of [
      'calls the v2 API',
      'uses the endpoint in v2 API',
      'see the release notes',
      'the next release notes mention it',
      'in the next line we parse',
      'compute the next pi digit',
      "the node to which a loop statement 'loops' for the next iteration",
      'continue to the next iteration',
      'will give better compatibility with next versions',
      'skip to the next iteration of the loop',
      'the sprint board',
      'version 2 of the format',
      "V8's debugging ID for the v8::Context",
      // Found scanning /usr/include (NSS's PKCS #11, LLVM's DWARF, Node's V8 headers, glibc, Linux).
      'CKA_TRUSTED is new for v2.11',
      'Context specific (added in v2.20)',
      'CKK_ECDSA is deprecated in v2.11, CKK_EC is preferred.',
      'Defined in v2 or later of the DWARF standard.',
      'Version, address size (starting in v5), and format',
      'Error codes that have a `--` in the v2 column',
      'decap and lookup of DA in v4 table',
      "pull in V8's postmortem metadata",
      "Code for V8's 'builtins' will not be in this range",
      'get names for V8 objects',
      'Profiler support for the V8 JavaScript engine.',
      'keep it around until V8 exit',
      'including in V8 or other dependencies',
      'the external_v8_defines list in v8/BUILD.gn',
      'supported in v2+',
      'but was removed in v5.24 as',
      'the next iteration step, so you should dup() them',
      'This function may be removed in a future release.',
      'New flags may be added in future releases of SQLite.',
      'this may change in future versions',
      'Future versions may change the order in which implementations are registered',
      'though future versions of SQLite might change so that an error is returned',
      'nssData is NULL in this release, but is reserved for future versions of NSS',
      'This method is experimental and subject to changes in future releases',
      'has historically been a no-op and might become an\nerror in future versions of SQLite.',
    ]) {
      assert.equal(sprint(text), null, text);
    }
  });

  it('vague-deferral: deferral with no plan', () => {
    const hits: Array<[string, string]> = [
      ['for now we ignore it', 'for now'],
      ['this is temporary', 'temporary'],
      ['temporary workaround for a driver bug', 'temporary workaround'],
      ['temporarily disabled', 'temporarily disabled'],
      ['quick fix', 'quick fix'],
      ['quick hack', 'quick hack'],
      ['quick and dirty', 'quick and dirty'],
      ['hacky but works', 'hacky'],
      ['a band-aid', 'band-aid'],
      ['stopgap', 'stopgap'],
      ['what a kludge', 'kludge'],
      ['workaround until upstream merges', 'workaround until'],
      ['clean up later', 'clean up later'],
      ['clean this up later', 'clean this up later'],
      ['refactor later', 'refactor later'],
      ['fix this later', 'fix this later'],
      ['revisit later', 'revisit later'],
      ['handle later', 'handle later'],
      ['eventually we should cache it', 'eventually we should'],
      ['someday', 'someday'],
      ['good enough for now', 'good enough for now'],
      ['this seems good enough', 'good enough'],
      ["it's not pretty but good enough", 'good enough'],
      ['tech debt', 'tech debt'],
      ['technical debt', 'technical debt'],
      ['hardcoded for now', 'for now'],
      ['remove before release', 'remove before release'],
      ['remove this before merge', 'remove this before merge'],
      ['remove before prod', 'remove before prod'],
      ['do not ship', 'do not ship'],
    ];
    for (const [text, phrase] of hits) assert.equal(vague(text), phrase, text);
  });

  it('vague-deferral: not temporary files, later versions, eventually consistent', () => {
    for (const text of [
      'write to a temporary file',
      'create a temporary directory',
      'a temporary table holds the rows',
      'the temporary variable',
      'temporarily while a block runs',
      'switched temporarily while the block runs',
      'works in later versions',
      'can be later fetched',
      'we load later',
      'the store is eventually consistent',
      'fixes a bug in the parser',
      'now returns a list',
      'the step is handled later in the pipeline',
      // Found scanning CPython, CPAN and nettle: a negation says why more was done.
      "plain rstrip() isn't good enough.",
      'testing existence is not good enough, some have these exe extensions',
      'simply using sizeof(mp_limb_t) * CHAR_BIT is not good enough.',
      'mtime is no longer good enough',
      "breakpoint and marker that it's ok to delete if temporary",
      'a non-temporary breakpoint',
      'Perhaps you need to copy the value to a temporary, and repeat that.',
      'binds a reference to a temporary.',
    ]) {
      assert.equal(vague(text), null, text);
    }
  });

  it('user patterns see a capped text', () => {
    const long = `${'x'.repeat(3000)} bodge`;
    assert.equal(findPhrase(long, [/bodge/gi], 2000), null);
    assert.equal(findPhrase('a bodge', [/bodge/gi], 2000)?.text, 'bodge');
  });
});
