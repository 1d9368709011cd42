import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

/**
 * The folder holding the shipped `resources/`. esbuild bundles the code into `dist/qa-lens-cli.js`
 * and `dist/extension.js`, while tests run it from `src/**`: walking up from this module's folder finds
 * the same `resources/` from all three. Looked up once (a few stat calls) and cached.
 */
function resourcesRoot(): string {
  if (root !== undefined) return root;
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'resources');
    if (isDirectory(join(candidate, 'defaults'))) return (root = candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`qa-lens: cannot find the bundled resources/ folder above ${__dirname}`);
    dir = parent;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Absolute path of a bundled resource, e.g. `resourcePath('defaults', 'constitution.md')`. */
export function resourcePath(...segments: string[]): string {
  return join(resourcesRoot(), ...segments);
}

/**
 * Tells the engine where `resources/` is when the host knows it (the extension: its install
 * folder), so the extension host never needs the synchronous lookup above.
 */
export function setResourcesRoot(folder: string): void {
  root = folder;
}
