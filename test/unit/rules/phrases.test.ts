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
