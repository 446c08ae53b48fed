// Each output is evaluated by bicep-audit and by Azure's engine (bicep snapshot) and must come out the same (test/oracle/functions.test.ts).
var suffix = 'abc'
func withSuffix(name string) string => '${name}-${suffix}'

param obj object
param list array
param text string

output objectKeys array = objectKeys(obj)
output items array = items(obj)
output unionKeys object = union({ west: 1, nested: { a: 1 } }, { WEST: 2, Nested: { b: 2 } })
output sortCulture array = sort(['b', 'B', 'a', 'A', '_x', '1a', 'Zeta', 'alpha', 'a-b', 'ab'], (x, y) => x < y)
output compareStrings array = ['contoso' < 'M', 'a' < 'B', 'B' < 'a', 'ab' < 'aB', '_' < 'a', 'a' < '1', 'a-b' < 'ab', 'Z' >= 'a']
output upper string = toUpper('ßtraße ǆ é')
output lower string = toLower('İSTANBUL ÀÉ')
output formats array = [format('{0:N0}', 8175133), format('{0:N2}', -1234), format('{0:F1}', 42), format('{0:D6}', 42), format('{0:X}', 255), format('{0,5}|{1,-4}|', 'ab', 'c')]
output lenientJson object = json('{\'a\': 1, /* c */ "b": [\'x\'] // end\n}')
output guids array = [guid('a'), guid('a', 'b'), guid(resourceGroup().id, 'x')]
output strings array = [padLeft('7', 3, '0'), substring('abcdef', 2, 3), replace('aXbX', 'X', '-'), trim('  a  '), split('a,b;c', [',', ';']), indexOf('abcABC', 'C'), lastIndexOf('abcABC', 'c'), startsWith('Hello', 'he'), endsWith('Hello', 'LO'), last('abc'), first('abc'), take('abcdef', 2), skip('abcdef', 4), string([1, 'a', true]), string({ b: 1, a: [null] })]
output numbers array = [1 + 2, 1 - 5, 3 * -4, -7 / 2, -7 % 2, min(3, 1, 2), max([4, 9, 1]), int('42'), range(3, 4), length(range(0, 10))]
output collections array = [concat([1], [2, 3]), contains(obj, 'ZETA'), contains(list, 'b'), empty([]), intersection([1, 2, 3], [2, 3, 4]), union([1, 2], [2, 3]), flatten([[1], [2, [3]]]), indexOf(list, 'b'), lastIndexOf([1, 2, 1], 1)]
output lambdas array = [filter(list, x => x != 'a'), map(range(0, 3), i => i * 2), reduce(range(1, 4), 0, (acc, x) => acc + x), toObject(list, x => x, x => length(x)), groupBy(['ab', 'ac', 'b'], x => substring(x, 0, 1)), mapValues({ a: 1, b: 2 }, v => v + 1)]
output encodings array = [base64('héllo'), base64ToString('aMOpbGxv'), uriComponent('a b&c/é'), uriComponentToString('a%20b'), dataUri('hi'), dataUriToString('data:text/plain;charset=utf8;base64,aGk='), uri('https://a.com/b/', 'c')]
output dates array = [dateTimeAdd('2020-01-31T00:00:00Z', 'P1M'), dateTimeAdd('2020-04-27T14:53:00Z', '-PT3H'), dateTimeFromEpoch(1683040573), dateTimeToEpoch('2023-05-02T15:16:13Z')]
output cidr array = [parseCidr('10.144.0.0/20'), cidrSubnet('10.144.0.0/20', 24, 3), cidrHost('10.144.3.0/24', 4)]
output uriParts object = parseUri('https://user@contoso.com:8443/a/b?x=1#f')
output fromEnd array = [list[^1], list[^3], list[?^5]]
output floaty array = [json('1.5'), json('[1.0, 2.25]')]
output nulls array = [null ?? null ?? 'x', obj.?missing ?? 'default', empty(null), join(list, '+')]
output texts array = [text, toLower(text), '${text}-${length(text)}']
output uriDefaults array = [parseUri('http://contoso.com'), parseUri('https://contoso.com/x/y.json')]
output moreCidr array = [parseCidr('192.168.1.77/24'), cidrSubnet('10.0.0.0/16', 16, 0), cidrHost('172.16.0.0/12', 0), cidrSubnet('10.0.0.0/8', 30, 5), cidrSubnet('2001:db8::/64', 84, 5)]
output moreDates array = [dateTimeAdd('2020-02-28T23:00:00Z', 'P1DT2H'), dateTimeAdd('2021-01-01T00:00:00Z', 'P1Y'), dateTimeFromEpoch(0), dateTimeToEpoch('1970-01-02T00:00:00+01:00')]
output userFunctions array = [withSuffix('x')]
output ids array = [subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg1'), resourceGroup().id, tenantResourceId('Microsoft.Management/managementGroups', 'mg1'), extensionResourceId(resourceGroup().id, 'Microsoft.Insights/diagnosticSettings', 'd'), deployment().name, resourceGroup().location]
output containsCase array = [contains('abc', 'B'), contains(['A'], 'a'), contains({ Key: 1 }, 'key')]
output uniqueStrings array = [uniqueString(''), uniqueString('hello', 'world'), uniqueString('é日本😀'), uniqueString(resourceGroup().id), toUpper('acr${uniqueString(subscription().id, deployment().name)}')]
output uniqueStringLengths array = map(range(0, 18), n => uniqueString(substring('abcdefghijklmnopqr', 0, n)))
output otherDates array = [dateTimeAdd('04/07/2020', 'P1D'), dateTimeAdd('2020/04/07 10:00', 'PT1H'), dateTimeAdd('7 April 2020', 'P1D'), dateTimeAdd('April 7, 2020 9:30', 'PT1H'), dateTimeAdd('Tue, 07 Apr 2020 10:00:00 GMT', 'P1D'), dateTimeToEpoch('12/31/1999 23:59:59'), dateTimeToEpoch('1 sep 2021')]
output containsValues array = [contains(concat(list, [{ a: 1 }]), { a: 1 }), contains(list, ['a']), contains([[1, 2]], [1, 2]), contains([{ a: [1] }], { a: [1] })]
output tryGets array = [any(text).?x, any(text)[?0], any(list).?x, any(obj)[?0], any(obj).?Zeta.?x]
output cidrWithoutPrefix array = [cidrSubnet('192.168.1.0', 24, 0), cidrSubnet('192.168.1.5', 26, 1), parseCidr('10.1.2.3'), parseCidr('172.16.5.0'), parseCidr('223.1.1.1'), cidrHost('192.168.1.0', 0), parseCidr('2001:db8:1::5')]
