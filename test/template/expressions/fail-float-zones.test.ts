import { Symbolic, type Value } from '../../../src/template/expressions/value';
import { run, expectEvaluationError } from './test-context';

describe('float, fail and the functions only a subscription answers', () => {
  it.each<[string, Value]>([
    ["[float('1.5')]", 1.5],
    ['[float(3)]', 3],
    ["[if(true(), 'kept', fail('never reached'))]", 'kept'],
    [
      "[pickZones('Microsoft.Compute', 'virtualMachines', 'westeurope')]",
      new Symbolic("pickZones('Microsoft.Compute', 'virtualMachines', 'westeurope')", 'array', [{ kind: 'runtime', name: 'pickZones()' }]),
    ],
  ])('%s', (expression, expected) => {
    expect(run(expression)).toEqual(expected);
  });

  it.each([
    ["[fail('no registry for this region')]", 'fail: the template stops the deployment: no registry for this region'],
    ["[float('one')]", "float: 'one' is not a number"],
  ])('%s fails: %s', (expression, message) => {
    expectEvaluationError(expression, message);
  });
});
