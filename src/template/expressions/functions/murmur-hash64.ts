/**
 * The 64-bit hash behind ARM's uniqueString(): a two-lane MurmurHash3 (x86 style, seed 0) over
 * 8-byte blocks, with the 128-bit variant's first two constants. Written from the Murmur
 * structure and settled against the values `bicep snapshot` gives (test/oracle/functions.test.ts).
 */
const C1 = 0x239b961b;
const C2 = 0xab0e9789;

const multiply = (a: number, b: number): number => Math.imul(a, b) >>> 0;
const rotateLeft = (x: number, r: number): number => ((x << r) | (x >>> (32 - r))) >>> 0;
const add = (a: number, b: number): number => (a + b) >>> 0;

function mixFirst(k: number): number {
  return multiply(rotateLeft(multiply(k, C1), 15), C2);
}

function mixSecond(k: number): number {
  return multiply(rotateLeft(multiply(k, C2), 17), C1);
}

function finalMix(h: number): number {
  h = multiply(h ^ (h >>> 16), 0x85ebca6b);
  h = multiply(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Little-endian 32-bit word of up to four bytes from `start` (missing bytes are zero). */
function word(bytes: Uint8Array, start: number, end: number): number {
  let value = 0;
  for (let i = Math.min(end, start + 4) - 1; i >= start; i--) value = ((value << 8) | bytes[i]!) >>> 0;
  return value;
}

export function murmurHash64(bytes: Uint8Array): bigint {
  let h1 = 0;
  let h2 = 0;
  const blocksEnd = bytes.length - (bytes.length % 8);
  for (let i = 0; i < blocksEnd; i += 8) {
    h1 = add(multiply(add(rotateLeft(h1 ^ mixFirst(word(bytes, i, blocksEnd)), 19), h2), 5), 0x561ccd1b);
    h2 = add(multiply(add(rotateLeft(h2 ^ mixSecond(word(bytes, i + 4, blocksEnd)), 13), h1), 5), 0x0bcaa747);
  }
  const tail = bytes.length - blocksEnd;
  if (tail > 4) h2 = (h2 ^ mixSecond(word(bytes, blocksEnd + 4, bytes.length))) >>> 0;
  if (tail > 0) h1 = (h1 ^ mixFirst(word(bytes, blocksEnd, bytes.length))) >>> 0;
  h1 = (h1 ^ bytes.length) >>> 0;
  h2 = (h2 ^ bytes.length) >>> 0;
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  h1 = finalMix(h1);
  h2 = finalMix(h2);
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  return (BigInt(h2) << 32n) | BigInt(h1);
}
