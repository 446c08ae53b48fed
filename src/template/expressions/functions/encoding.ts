import { expectString } from '../arguments';
import { FunctionError } from '../errors';
import { phrase } from '../phrase';
import type { Value } from '../value';
import { parseJson } from './conversions';
import { defineKnown, type ArmFunction } from './define';

const DATA_URI_PREFIX = 'data:text/plain;charset=utf-8;base64,';

function decodeBase64(value: Value, fn: string): string {
  const encoded = expectString(value, fn, 'the argument');
  if (encoded.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) {
    throw new FunctionError(`${fn}: ${phrase(encoded)} is not base64`);
  }
  return Buffer.from(encoded, 'base64').toString('utf8');
}

/** A relative URI resolved against a base, as .NET's Uri(Uri, string) does. */
function uri([base, relative]: Value[]): string {
  const b = expectString(base, 'uri', 'the base URI');
  const r = expectString(relative, 'uri', 'the relative URI');
  try {
    return new URL(r, b).toString();
  } catch {
    throw new FunctionError(`uri: ${phrase(b)} is not an absolute URI`);
  }
}

function dataUriToString([value]: Value[]): string {
  const text = expectString(value, 'dataUriToString', 'the argument');
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(text);
  if (!match) throw new FunctionError(`dataUriToString: ${phrase(text)} is not a data URI`);
  return match[2] ? decodeBase64(match[3]!, 'dataUriToString') : decodeURIComponent(match[3]!);
}

function decodeComponent([value]: Value[]): string {
  const text = expectString(value, 'uriComponentToString', 'the argument');
  try {
    return decodeURIComponent(text);
  } catch {
    throw new FunctionError(`uriComponentToString: ${phrase(text)} is not URI-encoded`);
  }
}

const utf8Base64 = (value: Value, fn: string): string => Buffer.from(expectString(value, fn, 'the argument'), 'utf8').toString('base64');

/** A string with a lone surrogate (from a JSON escape such as \\ud800) has no UTF-8 form to encode. */
function uriComponent(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new FunctionError(`uriComponent: ${phrase(text)} is not valid Unicode text (a lone surrogate)`);
  }
}

export const encodingFunctions: readonly ArmFunction[] = [
  defineKnown('base64', [1, 1], 'string', ([value]) => utf8Base64(value, 'base64')),
  defineKnown('base64ToString', [1, 1], 'string', ([value]) => decodeBase64(value, 'base64ToString')),
  defineKnown('base64ToJson', [1, 1], 'any', ([value]) => parseJson(decodeBase64(value, 'base64ToJson'), 'base64ToJson')),
  defineKnown('dataUri', [1, 1], 'string', ([value]) => DATA_URI_PREFIX + utf8Base64(value, 'dataUri')),
  defineKnown('dataUriToString', [1, 1], 'string', dataUriToString),
  defineKnown('uri', [2, 2], 'string', uri),
  defineKnown('uriComponent', [1, 1], 'string', ([value]) => uriComponent(expectString(value, 'uriComponent', 'the argument'))),
  defineKnown('uriComponentToString', [1, 1], 'string', decodeComponent),
];
