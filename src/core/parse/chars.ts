/**
 * Character helpers shared by the value parsers (no allocation: they work on char codes).
 */

/** Code of "0". */
export const CODE_0 = 48;
/** Code of "9". */
export const CODE_9 = 57;

export function isDigitCode(code: number): boolean {
  return code >= CODE_0 && code <= CODE_9;
}

/**
 * Whitespace that may surround or group digits in a cell: ASCII blanks, no-break space U+00A0,
 * the U+2000–U+200A spaces (thin space U+2009, figure space U+2007…), narrow no-break space
 * U+202F (French thousands separator), U+205F, U+3000 and the byte-order mark U+FEFF.
 */
export function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Index of the first non-digit at or after `from` (or `end`). */
export function digitsEnd(text: string, from: number, end: number = text.length): number {
  let i = from;
  while (i < end && isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

/** Value of the decimal digits text[from, to) (caller guarantees they are digits, few of them). */
export function digitsValue(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + (text.charCodeAt(i) - CODE_0);
  return v;
}

/** True for a Date object (including one created in another realm). */
export function isDateObject(value: unknown): value is Date {
  return value instanceof Date || Object.prototype.toString.call(value) === "[object Date]";
}

/** Epoch milliseconds of a Date object; NaN when invalid or when it is not a real Date. */
export function dateObjectTime(value: Date): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
}

/*
 * Built-ins captured once. Reading a global such as `Math` or `Number` costs ~0.3 µs inside a
 * sandbox like Jest's vm context (a few ns in Node or a browser); the hot parsing paths use these
 * module-level references instead.
 */
export const mathFloor = Math.floor;
export const mathRound = Math.round;
export const mathAbs = Math.abs;
export const isFiniteNumber = Number.isFinite;
export const isSafeInteger = Number.isSafeInteger;
export const isIntegerNumber = Number.isInteger;
