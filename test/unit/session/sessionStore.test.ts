import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { analyzeDocument } from '../../../src/core/engine';
import { languageForPath } from '../../../src/core/languages';
import { foldChange, SessionStore, StaleTextError, type SessionRequest } from '../../../src/extension/analysis/sessionStore';
import type { TextChange } from '../../../src/core/session';

const settings = defaultEngineSettings();
const language = languageForPath('a.ts')!;

function request(text: string, version: number, base: SessionRequest['base'], generation = 'g1'): SessionRequest {
  return { key: 'file:///a.ts', version, base, generation, text, path: 'a.ts', language, settings, now: '2026-06-01' };
}

describe('SessionStore and foldChange (the editor side of incremental analysis)', () => {
  it('foldChange: the folded change leaves the text before and after it untouched (property)', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 10 }), insert: fc.string({ maxLength: 10 }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (initial, edits) => {
        let text = initial;
        let folded: TextChange | null = null;
        for (const e of edits) {
          const start = e.at % (text.length + 1);
          const oldEnd = Math.min(text.length, start + e.del);
          text = text.slice(0, start) + e.insert + text.slice(oldEnd);
          folded = foldChange(folded, { start, oldEnd, newEnd: start + e.insert.length });
        }
        assert.ok(folded);
        assert.equal(text.slice(0, folded.start), initial.slice(0, folded.start));
        assert.equal(text.slice(folded.newEnd), initial.slice(folded.oldEnd));
        assert.equal(text.length - initial.length, folded.newEnd - folded.oldEnd);
      }),
      { numRuns: 500 },
    );
  });

  it('reports the problems of the text after each edit, incremental or whole', () => {
    const store = new SessionStore();
    const v1 = 'const a = 1;\n';
    assert.deepEqual(store.analyse(request(v1, 1, null)).problems, []);
    const ignore = '// qa-lens-ignore swalowed-error -- retried later\n';
    const v2 = ignore + v1;
    const typed = store.analyse(request(v2, 2, { version: 1, change: { start: 0, oldEnd: 0, newEnd: ignore.length } }));
    assert.equal(typed.incremental, true);
    assert.deepEqual(typed.problems.map((p) => `${p.line}:${p.column}-${p.endColumn} ${p.suggestion}`), ['1:19-33 swallowed-error']);
    // Corrected in place (one character typed): the problem is gone.
    const v3 = v2.slice(0, 22) + 'l' + v2.slice(22);
    const fixed = store.analyse(request(v3, 3, { version: 2, change: { start: 22, oldEnd: 22, newEnd: 23 } }));
    assert.equal(fixed.incremental, true);
    assert.deepEqual(fixed.problems, []);
  });

  it('continues a session only from the version it analysed, under the same settings and language', () => {
    const store = new SessionStore();
    const v1 = 'const a = 1;\n';
    const v2 = '// TODO: later\nconst a = 1;\n';
    const expected = analyzeDocument({ text: v2, path: 'a.ts', language, settings, now: '2026-06-01' });
    assert.equal(store.analyse(request(v1, 1, null)).incremental, false);
    const next = store.analyse(request(v2, 2, { version: 1, change: { start: 0, oldEnd: 0, newEnd: 15 } }));
    assert.deepEqual(next, { findings: expected, problems: [], incremental: true });
    // A base version the store never analysed (the document moved from the worker): whole again.
    assert.equal(store.analyse(request(v2, 4, { version: 3, change: { start: 0, oldEnd: 0, newEnd: 0 } })).incremental, false);
    // Other settings or language: whole again.
    const other = store.analyse(request(v2, 5, { version: 4, change: { start: 0, oldEnd: 0, newEnd: 0 } }, 'g2'));
    assert.deepEqual(other, { findings: expected, problems: [], incremental: false });
    // Only the edited text: the store applies it to the text it analysed at the base version.
    const v6 = '// TODO: later\nconst a = 12;\n';
    const edited = store.analyse({ ...request('', 6, { version: 5, change: { start: 26, oldEnd: 26, newEnd: 27 } }, 'g2'), inserted: '2', length: v6.length });
    assert.deepEqual(edited, { findings: analyzeDocument({ text: v6, path: 'a.ts', language, settings, now: '2026-06-01' }), problems: [], incremental: true });
    // A base it does not have, or a length that does not add up: it asks for the whole text.
    assert.throws(() => store.analyse({ ...request('', 8, { version: 7, change: { start: 0, oldEnd: 0, newEnd: 1 } }, 'g2'), inserted: 'x', length: v6.length + 1 }), StaleTextError);
    assert.throws(() => store.analyse({ ...request('', 7, { version: 6, change: { start: 0, oldEnd: 0, newEnd: 1 } }, 'g2'), inserted: 'x', length: 3 }), StaleTextError);
    store.forget('file:///a.ts');
    assert.equal(store.analyse(request(v2, 9, { version: 8, change: { start: 0, oldEnd: 0, newEnd: 0 } }, 'g2')).incremental, false);
  });
});

describe('ticket references from a session (ticket links)', () => {
  it('finds the references in comments only, with document offsets, for the version analysed', () => {
    const store = new SessionStore();
    const text = "const a = 'SHOP-1'; // see SHOP-12 and #34\n/* FIXME(ABC-7): x */\nconst b = 2; // no ticket\n";
    store.analyse(request(text, 3, null));
    const refs = store.ticketReferences('file:///a.ts', 3, []);
    assert.ok(refs);
    assert.deepEqual(refs.map((r) => [r.text, text.slice(r.start, r.start + r.text.length)]), [['SHOP-12', 'SHOP-12'], ['#34', '#34'], ['ABC-7', 'ABC-7']]);
    assert.equal(store.ticketReferences('file:///a.ts', 4, []), undefined, 'another version: no answer');
    assert.equal(store.ticketReferences('file:///other.ts', 3, []), undefined);
  });
});
