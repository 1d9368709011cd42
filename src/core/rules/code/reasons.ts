/**
 * What counts as a written reason (rules.md "What counts as a reason"): at least 3 characters of
 * free text; rule codes (E501, CS0618, Style/Foo) are not reasons.
 */
const RULE_CODE = /^(?:[A-Z]{1,6}\d{1,5}|[A-Z]\w*\/[A-Z]\w*)[,;]?$/;

export function isReason(raw: string): boolean {
  const words = raw
    .replace(/^[\s:\-–—#/*]+/, '')
    .replace(/\*\/\s*$/, '')
    .trim()
    .split(/\s+/)
    .filter((word) => word.length > 0 && !RULE_CODE.test(word));
  const text = words.join(' ');
  return text.replace(/\s/g, '').length >= 3 && /\p{L}/u.test(text);
}
