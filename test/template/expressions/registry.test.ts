import { builtinFunctions, lookupFunction } from '../../../src/template/expressions/functions/index';

describe('the function registry', () => {
  it('registers each name once, ignoring case', () => {
    const names = builtinFunctions.map((f) => f.name.toLowerCase());
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it.each([
    ['concat', 'concat'],
    ['CONCAT', 'concat'],
    ['resourceid', 'resourceId'],
    ['listKeys', 'listKeys'],
    ['listaccountsas', 'listaccountsas'],
  ])('finds %s as %s', (name, canonical) => {
    expect(lookupFunction(name)?.name).toBe(canonical);
  });

  it('does not find functions it lacks', () => {
    expect(lookupFunction('tryGetSecret')).toBeUndefined();
  });
});
