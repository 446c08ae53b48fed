import type { Value } from '../../../src/template/expressions/value';
import { run, expectEvaluationError } from './test-context';

// Values checked against Azure's engine (bicep snapshot of the same expressions as outputs; the errors where it fails too).
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
    ["[parseCidr('fdad:3236:5555::/48')]", { network: 'fdad:3236:5555::', netmask: 'ffff:ffff:ffff::', firstUsable: 'fdad:3236:5555::', lastUsable: 'fdad:3236:5555:ffff:ffff:ffff:ffff:ffff', cidr: 48 }],
    ["[parseCidr('FDAD:0:0:1::/64')]", { network: 'fdad:0:0:1::', netmask: 'ffff:ffff:ffff:ffff::', firstUsable: 'fdad:0:0:1::', lastUsable: 'fdad::1:ffff:ffff:ffff:ffff', cidr: 64 }],
    ["[parseCidr('2001:db8:0:0:1:0:0:1/128').network]", '2001:db8::1:0:0:1'],
    ["[parseCidr('2001:db8:1:2:3:4:5:6/112').lastUsable]", '2001:db8:1:2:3:4:5:ffff'],
    ["[parseCidr('::/0').netmask]", '::'],
    ["[parseCidr('10.0.0.0/31')]", { network: '10.0.0.0', netmask: '255.255.255.254', broadcast: '10.0.0.1', firstUsable: '10.0.0.0', lastUsable: '10.0.0.0', cidr: 31 }],
    ["[parseCidr('10.0.0.0/32')]", { network: '10.0.0.0', netmask: '255.255.255.255', broadcast: '10.0.0.0', firstUsable: '10.0.0.0', lastUsable: '10.0.0.0', cidr: 32 }],
    ["[cidrSubnet('2001:0:0:0:0:0:0:0/16', 32, 1)]", '2001:1::/32'],
    ["[cidrSubnet('fdad:3236:5555::/48', 52, 4)]", 'fdad:3236:5555:4000::/52'],
    ["[cidrHost('fdad:3236:5555:3000::/52', 0)]", 'fdad:3236:5555:3000::1'],
    ["[cidrHost('10.0.0.8/30', 1)]", '10.0.0.10'],
    ["[dateTimeAdd('2020-04-07 14:53:14Z', 'P3Y')]", '2023-04-07T14:53:14Z'],
    ["[dateTimeAdd('2020-04-07T14:53:14.5Z', 'PT1S')]", '2020-04-07T14:53:15Z'],
    ["[dateTimeAdd('2020-04-07T23:53:14+02:00', 'PT1H')]", '2020-04-08T00:53:14Z'],
    ["[dateTimeAdd('2020-04-07', 'PT1S')]", '2020-04-07T00:00:01Z'],
    ["[dateTimeToEpoch('2020-04-07 14:53:14Z')]", 1586271194],
    ["[dateTimeToEpoch('2020-04-07T14:53:14+02:00')]", 1586263994],
    ["[dateTimeToEpoch('2020-04-07T14:53:14.7Z')]", 1586271194],
    ["[indexFromEnd(createArray('a', 'b', 'c'), 1)]", 'c'],
    ["[tryIndexFromEnd(createArray('a', 'b', 'c'), 5)]", null],
    // An address without a prefix length takes its classful network (IPv6: /64), as Azure's engine does.
    ["[cidrSubnet('192.168.1.0', 24, 0)]", '192.168.1.0/24'],
    ["[cidrSubnet('192.168.1.5', 26, 1)]", '192.168.1.64/26'],
    ["[parseCidr('10.1.2.3').network]", '10.0.0.0'],
    ["[parseCidr('172.16.5.0').cidr]", 16],
    ["[parseCidr('223.1.1.1').network]", '223.1.1.0'],
    ["[cidrHost('192.168.1.0', 0)]", '192.168.1.1'],
    ["[parseCidr('2001:db8:1::5').network]", '2001:db8:1::'],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[parseCidr('fdad::3236::/48')]", "parseCidr: 'fdad::3236::/48' is not a range in CIDR notation"],
    ["[parseCidr('10.0.0.256/24')]", "parseCidr: '10.0.0.256/24' is not a range in CIDR notation"],
    ["[parseCidr('10.0.0.0/33')]", "parseCidr: '10.0.0.0/33' is not a range in CIDR notation"],
    ["[cidrHost('10.0.0.0/31', 0)]", 'cidrHost: host 0 does not fit in a /31 range'],
    ["[cidrHost('fdad::/126', 2)]", 'cidrHost: host 2 does not fit in a /126 range'],
    ["[cidrSubnet('fdad::/64', 128, 5)]", "cidrSubnet: a split into 2^64 subnets overflows Azure's engine, which counts at most 2^31 - 1"],
    ["[cidrSubnet('0.0.0.0/1', 32, 5)]", "cidrSubnet: a split into 2^31 subnets overflows Azure's engine, which counts at most 2^31 - 1"],
    ["[cidrSubnet('10.0.0.0/24', 16, 0)]", 'cidrSubnet: the new CIDR 16 must be between 24 and 32'],
    ["[cidrSubnet('192.168.1.0', 24, 1)]", 'cidrSubnet: subnet 1 does not fit in a /24 range split into /24'],
    ["[parseCidr('10.0.0.0/')]", "parseCidr: '10.0.0.0/' is not a range in CIDR notation"],
    ["[cidrHost('10.0.0.0/30', 2)]", 'cidrHost: host 2 does not fit in a /30 range'],
    [
      "[dateTimeAdd('yesterday', 'P1D')]",
      "dateTimeAdd: 'yesterday' is not a date and time in a form bicep-audit reads (ISO 8601, 04/07/2020, 2020/04/07, 7 April 2020, April 7, 2020 or RFC 1123)",
    ],
    // Each rejected by bicep snapshot too: a day past the month's end, a weekday not the date's, an hour past 23.
    ["[dateTimeAdd('02/30/2020', 'P1D')]", "dateTimeAdd: '02/30/2020' is not a valid date and time"],
    ["[dateTimeAdd('2020-02-30', 'P1D')]", "dateTimeAdd: '2020-02-30' is not a valid date and time"],
    ["[dateTimeAdd('Wed, 07 Apr 2020 10:00:00 GMT', 'P1D')]", "dateTimeAdd: 'Wed, 07 Apr 2020 10:00:00 GMT' is not a valid date and time"],
    ["[dateTimeAdd('4/7/2020 25:00', 'P1D')]", "dateTimeAdd: '4/7/2020 25:00' is not a valid date and time"],
    ["[dateTimeAdd('2020-01-01T00:00:00Z', '1 day')]", "dateTimeAdd: '1 day' is not an ISO 8601 duration"],
    ["[indexFromEnd(createArray('a'), 2)]", "indexFromEnd: 2 is not between 1 and the array's length, 1"],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});
