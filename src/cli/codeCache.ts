import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/**
 * The CLI starts through a V8 code cache. Compiling the bundle cost 30–50 ms of every run (a third
 * of what `qa-lens scan` spends before it reads a file), and a scan of a small repository is
 * mostly start-up. The build compiles the bundle, runs a scan of the demo workspace so that the
 * functions a scan needs are compiled too, and saves V8's cache next to the bundle
 * (scripts/build.mjs). `dist/cli.js` (launcher.ts) then runs the bundle from that cache.
 *
 * V8 checks a cache only against the length of the source, so the cache starts with the sha256 of
 * the bundle it was made from: a bundle rebuilt since (same length or not) is compiled as usual.
 * Another Node version or other V8 flags (`--max-old-space-size` in NODE_OPTIONS, `--stack-size`,
 * `--expose-gc`...) make V8 reject the cache itself; the bundle is then compiled as usual, a few ms
 * later for having read and hashed the cache. `QA_LENS_DEBUG_CODE_CACHE=1` makes the launcher say
 * whether it used the cache.
 */
export const BUNDLE = 'qa-lens-cli.js';
export const CODE_CACHE = 'qa-lens-cli.jsc';

/** The CommonJS wrapper Node puts around a module; the cache belongs to exactly this text. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

function digest(source: string): Buffer {
  return createHash('sha256').update(source).digest();
}

/** Runs the bundle in `dir` as a CommonJS module, from its code cache when that cache is for it. */
export function runBundle(dir: string, require: NodeJS.Require): { cacheUsed: boolean } {
  let saved: Buffer | undefined;
  try {
    saved = readFileSync(join(dir, CODE_CACHE));
  } catch {
    saved = undefined; // no cache: compile as usual
  }
  const file = join(dir, BUNDLE);
  const source = readFileSync(file, 'utf8');
  const hash = digest(source);
  const cachedData = saved !== undefined && saved.length > hash.length && saved.subarray(0, hash.length).equals(hash) ? saved.subarray(hash.length) : undefined;
  const script = new Script(wrap(source), { filename: file, cachedData });
  runAsModule(script, require, file, dir);
  return { cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

/**
 * Build time: runs the bundle in `dir` with `args` (its output goes where this process's goes),
 * then writes the cache of everything that run compiled. Call it in a process of its own, without
 * NODE_OPTIONS (see above), and check the result: a run that ends in `process.exit` writes none.
 */
export function makeCodeCache(dir: string, args: readonly string[], require: NodeJS.Require): void {
  const file = join(dir, BUNDLE);
  const source = readFileSync(file, 'utf8');
  const script = new Script(wrap(source), { filename: file });
  process.argv = [process.argv[0], file, ...args];
  process.once('beforeExit', () => {
    writeFileSync(join(dir, CODE_CACHE), Buffer.concat([digest(source), script.createCachedData()]));
  });
  runAsModule(script, require, file, dir);
}

/** Runs the wrapped bundle as Node would run it as a CommonJS module. */
function runAsModule(script: Script, require: NodeJS.Require, file: string, dir: string): void {
  const module = { exports: {} };
  (script.runInThisContext() as ModuleWrapper)(module.exports, require, module, file, dir);
}
