/** ANSI colours for text output, or none: a report piped to a file must stay plain text. */
export interface Palette {
  error(text: string): string;
  warning(text: string): string;
  information(text: string): string;
  hint(text: string): string;
  path(text: string): string;
  dim(text: string): string;
}

/**
 * Colour only on a TTY, unless the environment says otherwise: FORCE_COLOR (any value but 0 or
 * false) forces it on, NO_COLOR (any non-empty value, https://no-color.org) turns it off.
 */
export function shouldUseColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const COLOURS: Palette = {
  error: wrap(31, 39),
  warning: wrap(33, 39),
  information: wrap(36, 39),
  hint: wrap(90, 39),
  path: wrap(4, 24),
  dim: wrap(2, 22),
};

const identity = (text: string): string => text;

export const PLAIN: Palette = { error: identity, warning: identity, information: identity, hint: identity, path: identity, dim: identity };

export function palette(useColor: boolean): Palette {
  return useColor ? COLOURS : PLAIN;
}
