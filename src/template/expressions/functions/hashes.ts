import { createHash } from 'node:crypto';
import { expectString } from '../arguments';
import type { Value } from '../value';
import { defineKnown, type ArmFunction } from './define';
import { murmurHash64 } from './murmur-hash64';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

// Azure's own: the 64-bit hash of the arguments joined by '-' (UTF-8), written five bits at a time from the top (the 13th character holds the last four).
function uniqueString(args: Value[]): string {
  const joined = args.map((a, i) => expectString(a, 'uniqueString', `argument ${i + 1}`)).join('-');
  let hash = murmurHash64(Buffer.from(joined, 'utf8'));
  let text = '';
  for (let i = 0; i < 13; i++) {
    text += BASE32[Number(hash >> 59n)];
    hash = (hash << 5n) & 0xffff_ffff_ffff_ffffn;
  }
  return text;
}

// Azure's own: a name-based GUID (RFC 4122 version 5, SHA-1) in ARM's namespace, of the arguments joined by '-'.
const GUID_NAMESPACE = Buffer.from('11fb06fb712d4ddd98c7e71bbd588830', 'hex');

function guid(args: Value[]): string {
  const name = args.map((a, i) => expectString(a, 'guid', `argument ${i + 1}`)).join('-');
  const bytes = createHash('sha1').update(GUID_NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

export const hashFunctions: readonly ArmFunction[] = [
  defineKnown('uniqueString', [1, Infinity], 'string', uniqueString),
  defineKnown('guid', [1, Infinity], 'string', guid),
];
