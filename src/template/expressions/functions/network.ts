import { expectInt, expectString } from '../arguments';
import { FunctionError } from '../errors';
import { phrase } from '../phrase';
import type { Value, ValueObject } from '../value';
import { defineKnown, type ArmFunction } from './define';

/** A range of IPv4 (32 bits) or IPv6 (128 bits) addresses. */
interface Network {
  bits: 32 | 128;
  /** The network address. */
  base: bigint;
  prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): bigint | undefined {
  const octets = IPV4.exec(text)?.slice(1).map(Number);
  if (!octets || octets.some((o) => o > 255)) return undefined;
  return octets.reduce((n, o) => n * 256n + BigInt(o), 0n);
}

/** Eight groups of hex digits, at most one `::` standing for the zero groups left out. */
function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const written = groups.flat();
  if (written.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const missing = 8 - written.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = halves.length === 1 ? written : [...groups[0]!, ...Array<string>(missing).fill('0'), ...groups[1]!];
  return all.reduce((n, g) => n * 65536n + BigInt(parseInt(g, 16)), 0n);
}

/** As Azure writes an address: IPv4 dotted, IPv6 in lower case with the longest run of two or more zero groups (the first of equals) as `::`. */
function toAddress(value: bigint, bits: 32 | 128): string {
  if (bits === 32) return [24n, 16n, 8n, 0n].map((shift) => (value >> shift) & 255n).join('.');
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
  let run = { at: -1, length: 1 };
  for (let at = 0; at < 8; at += 1) {
    let length = 0;
    while (at + length < 8 && groups[at + length] === 0) length += 1;
    if (length > run.length) run = { at, length };
  }
  const hex = (part: number[]) => part.map((g) => g.toString(16)).join(':');
  return run.at < 0 ? hex(groups) : `${hex(groups.slice(0, run.at))}::${hex(groups.slice(run.at + run.length))}`;
}

/**
 * The prefix Azure's engine gives an address written without one (bicep snapshot): the classful
 * network of an IPv4 address (/8 below 128.0.0.0, /16 below 192.0.0.0, /24 above), /64 for IPv6.
 */
function impliedPrefix(address: bigint, bits: 32 | 128): number {
  if (bits === 128) return 64;
  const first = Number(address >> 24n);
  return first < 128 ? 8 : first < 192 ? 16 : 24;
}

function parseNetwork(value: Value, fn: string): Network {
  const text = expectString(value, fn, 'the network');
  const [address = '', prefixText, ...rest] = text.split('/');
  const v4 = parseIpv4(address);
  const bits = v4 === undefined ? 128 : 32;
  const parsed = v4 ?? parseIpv6(address);
  if (parsed === undefined) throw new FunctionError(`${fn}: ${phrase(text)} is not a range in CIDR notation`);
  const prefix = prefixText === undefined ? impliedPrefix(parsed, bits) : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (rest.length > 0 || !(prefix <= bits)) throw new FunctionError(`${fn}: ${phrase(text)} is not a range in CIDR notation`);
  const size = 1n << BigInt(bits - prefix);
  return { bits, base: parsed - (parsed % size), prefix };
}

const sizeOf = ({ bits, prefix }: Network) => 1n << BigInt(bits - prefix);

/**
 * parseCidr: the range's addresses, as Azure gives them: an IPv6 range has no broadcast address and
 * uses every address; a /31 or /32 IPv4 range starts its usable addresses at the network's.
 */
function parseCidr([value]: Value[]): ValueObject {
  const network = parseNetwork(value, 'parseCidr');
  const { bits, base, prefix } = network;
  const last = base + sizeOf(network) - 1n;
  const netmask = toAddress(((1n << BigInt(bits)) - 1n) ^ (sizeOf(network) - 1n), bits);
  if (bits === 128) return { network: toAddress(base, bits), netmask, firstUsable: toAddress(base, bits), lastUsable: toAddress(last, bits), cidr: prefix };
  return {
    network: toAddress(base, bits),
    netmask,
    broadcast: toAddress(last, bits),
    firstUsable: toAddress(prefix >= 31 ? base : base + 1n, bits),
    lastUsable: toAddress(prefix === 32 ? base : last - 1n, bits),
    cidr: prefix,
  };
}

/** cidrSubnet(network, newCidr, index): the index-th range of the smaller size inside the network. */
function cidrSubnet([network, newCidr, index]: Value[]): string {
  const range = parseNetwork(network, 'cidrSubnet');
  const size = expectInt(newCidr, 'cidrSubnet', 'the new CIDR');
  const n = expectInt(index, 'cidrSubnet', 'the subnet index');
  if (size < range.prefix || size > range.bits) throw new FunctionError(`cidrSubnet: the new CIDR ${size} must be between ${range.prefix} and ${range.bits}`);
  // Azure's engine counts the subnets in a 32-bit signed number: a split into 2^31 or more fails to deploy (bicep snapshot: OverflowException).
  if (size - range.prefix > 30) throw new FunctionError(`cidrSubnet: a split into 2^${size - range.prefix} subnets overflows Azure's engine, which counts at most 2^31 - 1`);
  if (n < 0 || n >= 2 ** (size - range.prefix)) throw new FunctionError(`cidrSubnet: subnet ${n} does not fit in a /${range.prefix} range split into /${size}`);
  return `${toAddress(range.base + BigInt(n) * (1n << BigInt(range.bits - size)), range.bits)}/${size}`;
}

/** cidrHost(network, index): the index-th host address after the network address, leaving out the range's last one. */
function cidrHost([network, index]: Value[]): string {
  const range = parseNetwork(network, 'cidrHost');
  const n = expectInt(index, 'cidrHost', 'the host index');
  if (n < 0 || BigInt(n) >= sizeOf(range) - 2n) throw new FunctionError(`cidrHost: host ${n} does not fit in a /${range.prefix} range`);
  return toAddress(range.base + 1n + BigInt(n), range.bits);
}

/** parseUri: scheme, host, port (null when none is written), and the path and query (with its `?`) when there are any. */
function parseUri([value]: Value[]): ValueObject {
  const text = expectString(value, 'parseUri', 'the URI');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FunctionError(`parseUri: ${phrase(text)} is not an absolute URI`);
  }
  return {
    scheme: url.protocol.replace(/:$/, ''),
    host: url.hostname,
    port: url.port === '' ? null : Number(url.port),
    ...(url.pathname === '/' || url.pathname === '' ? {} : { path: url.pathname }),
    ...(url.search === '' ? {} : { query: url.search }),
  };
}

export const networkFunctions: readonly ArmFunction[] = [
  defineKnown('parseCidr', [1, 1], 'object', parseCidr),
  defineKnown('cidrSubnet', [3, 3], 'string', cidrSubnet),
  defineKnown('cidrHost', [2, 2], 'string', cidrHost),
  defineKnown('parseUri', [1, 1], 'object', parseUri),
];
