import { expectInt, expectString } from '../arguments';
import { FunctionError } from '../errors';
import { phrase } from '../phrase';
import type { Value, ValueObject } from '../value';
import { defineKnown, type ArmFunction } from './define';

interface Ipv4Network {
  /** The network address as a 32-bit number. */
  base: number;
  prefix: number;
}

const toAddress = (n: number) => [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');

function parseNetwork(value: Value, fn: string): Ipv4Network {
  const text = expectString(value, fn, 'the network');
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  const octets = match ? match.slice(1, 5).map(Number) : [];
  const prefix = match ? Number(match[5]) : NaN;
  if (!match || octets.some((o) => o > 255) || prefix > 32) {
    // IPv6 ranges are valid in ARM; they are not evaluated here.
    throw new FunctionError(`${fn}: ${phrase(text)} is not an IPv4 range in CIDR notation`);
  }
  const address = octets.reduce((n, o) => n * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  return { base: address - (address % size), prefix };
}

/** parseCidr: the range's addresses. Ranges of 31 and 32 bits, which have no broadcast address, are not evaluated. */
function parseCidr([value]: Value[]): ValueObject {
  const { base, prefix } = parseNetwork(value, 'parseCidr');
  if (prefix > 30) throw new FunctionError(`parseCidr: a /${prefix} range is not evaluated by bicep-audit`);
  const last = base + 2 ** (32 - prefix) - 1;
  return {
    network: toAddress(base),
    netmask: toAddress(prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0),
    broadcast: toAddress(last),
    firstUsable: toAddress(base + 1),
    lastUsable: toAddress(last - 1),
    cidr: prefix,
  };
}

/** cidrSubnet(network, newCidr, index): the index-th range of the smaller size inside the network. */
function cidrSubnet([network, newCidr, index]: Value[]): string {
  const { base, prefix } = parseNetwork(network, 'cidrSubnet');
  const size = expectInt(newCidr, 'cidrSubnet', 'the new CIDR');
  const n = expectInt(index, 'cidrSubnet', 'the subnet index');
  if (size < prefix || size > 32) throw new FunctionError(`cidrSubnet: the new CIDR ${size} must be between ${prefix} and 32`);
  if (n < 0 || n >= 2 ** (size - prefix)) throw new FunctionError(`cidrSubnet: subnet ${n} does not fit in a /${prefix} range split into /${size}`);
  return `${toAddress(base + n * 2 ** (32 - size))}/${size}`;
}

/** cidrHost(network, index): the index-th usable host address (the network address itself is not one). */
function cidrHost([network, index]: Value[]): string {
  const { base, prefix } = parseNetwork(network, 'cidrHost');
  const n = expectInt(index, 'cidrHost', 'the host index');
  if (prefix > 30) throw new FunctionError(`cidrHost: a /${prefix} range is not evaluated by bicep-audit`);
  if (n < 0 || n >= 2 ** (32 - prefix) - 2) throw new FunctionError(`cidrHost: host ${n} does not fit in a /${prefix} range`);
  return toAddress(base + 1 + n);
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
