// Replaced at build time by esbuild's `define`; the fallback serves unit tests run from source.
declare const __QA_LENS_VERSION__: string | undefined;

export const TOOL_NAME = 'qa-lens';
export const TOOL_VERSION: string =
  typeof __QA_LENS_VERSION__ === 'string' ? __QA_LENS_VERSION__ : '0.0.0-dev';
export const TOOL_URI = 'https://github.com/qa-lens/qa-lens';
