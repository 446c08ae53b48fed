import type { Value } from '../../../src/template/expressions/value';
import { failure, run } from './test-context';

// Values checked against Azure's engine (bicep snapshot) on bicep-fixtures/oracle/functions.
describe('CIDR, URI, date and index-from-end functions', () => {
  it.each<[string, Value]>([
    [
      "[parseCidr('10.144.0.0/20')]",
      { network: '10.144.0.0', netmask: '255.255.240.0', broadcast: '10.144.15.255', firstUsable: '10.144.0.1', lastUsable: '10.144.15.254', cidr: 20 },
    ],
    ["[parseCidr('192.168.1.77/24').network]", '192.168.1.0'],
    ["[cidrSubnet('10.144.0.0/20', 24, 3)]", '10.144.3.0/24'],
    ["[cidrHost('10.144.3.0/24', 4)]", '10.144.3.5'],
    ["[parseUri('https://user@contoso.com:8443/a/b?x=1#f')]", { scheme: 'https', host: 'contoso.com', port: 8443, path: '/a/b', query: '?x=1' }],
    ["[parseUri('http://contoso.com')]", { scheme: 'http', host: 'contoso.com', port: null }],
    ["[dateTimeAdd('2020-01-31T00:00:00Z', 'P1M')]", '2020-03-01T00:00:00Z'],
    ["[dateTimeAdd('2020-04-27T14:53:00Z', '-PT3H')]", '2020-04-27T11:53:00Z'],
    ["[dateTimeFromEpoch(1683040573)]", '2023-05-02T15:16:13Z'],
    ["[dateTimeToEpoch('2023-05-02T15:16:13Z')]", 1683040573],
    ["[indexFromEnd(createArray('a', 'b', 'c'), 1)]", 'c'],
    ["[tryIndexFromEnd(createArray('a', 'b', 'c'), 5)]", null],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[parseCidr('fdad:3236:5555::/48')]", "parseCidr: 'fdad:3236:5555::/48' is not an IPv4 range in CIDR notation"],
    ["[parseCidr('10.0.0.0/31')]", 'parseCidr: a /31 range is not evaluated by bicep-audit'],
    ["[cidrSubnet('10.0.0.0/24', 16, 0)]", 'cidrSubnet: the new CIDR 16 must be between 24 and 32'],
    ["[cidrHost('10.0.0.0/30', 2)]", 'cidrHost: host 2 does not fit in a /30 range'],
    ["[dateTimeAdd('2020-01-01', 'P1D')]", "dateTimeAdd: '2020-01-01' is not a date and time in ISO 8601 with a time zone"],
    ["[dateTimeAdd('2020-01-01T00:00:00Z', '1 day')]", "dateTimeAdd: '1 day' is not an ISO 8601 duration"],
    ["[indexFromEnd(createArray('a'), 2)]", "indexFromEnd: 2 is not between 1 and the array's length, 1"],
  ])('%s fails: %s', (expression, message) => {
    expect(failure(() => run(expression))).toEqual({ message, expression: expression.slice(1, -1), offset: 0, limit: false });
  });
});
