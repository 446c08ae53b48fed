import path from 'node:path';
import { bicepText } from '../../src/template/bicep-text';
import { parseExpression } from '../../src/template/expressions/parse';
import { Symbolic } from '../../src/template/expressions/value';
import { text } from '../../src/template/expressions/symbolic';
import { auditJson, seen, type Seen } from '../helpers/real-bicep';

/** The registries' missing locks (test/rules/control-plane.test.ts) are left out: these tests are about the audit-log rule's findings. */
const withoutLocks = (results: Seen[]) => results.filter((r) => r.ruleId !== 'Azure.ACR.DeleteLock');

const ARM_FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'messages');
const CONSEQUENCE = 'so nobody can tell who logged in or pushed and pulled images';
const ADD_ONE = "add one that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group";

/** An unknown piece whose canonical key is an ARM expression, as the evaluator makes it. */
const unknown = (key: string) => {
  parseExpression(key);
  return new Symbolic(key, 'string', []);
};

describe('bicepText: a value known only at deployment, as Bicep writes it', () => {
  it.each([
    ['a parameter', unknown("parameters('token')"), 'token'],
    ['a variable in a string', text(['cr', unknown("variables('suffix')")]), "'cr${suffix}'"],
    [
      "resourceGroup().id, which the compiled template spells out",
      text(['cr', unknown("toLower(uniqueString(concat('/subscriptions/', subscription().subscriptionId, '/resourceGroups/', resourceGroup().name)))")]),
      "'cr${toLower(uniqueString(resourceGroup().id))}'",
    ],
    ['an index by a loop, whose Bicep name the template does not keep', unknown("parameters('names')[copyIndex('registries')]"), 'names[…]'],
    ['a piece too long to be read in a message', text(['cr', unknown("substring(uniqueString(subscription().subscriptionId, parameters('token'), deployment().name), 0, 8)")]), "'cr${…}'"],
    ['quotes and ${ in the known text', text(["it's ${", unknown("parameters('x')")]), "'it\\'s \\${${x}'"],
    ['a known string', 'acrprod', "'acrprod'"],
  ])('%s', (_name, value, shown) => {
    expect(bicepText(value)).toBe(shown);
  });
});

describe('messages name resources as the user wrote them, and stay a few lines long (real Bicep CLI)', () => {
  it('a name known only at deployment is shown in Bicep, not in the compiled template’s syntax', async () => {
    const { code, report } = await auditJson(['messages/names-as-written.bicep']);
    expect(seen(report).filter((r) => r.ruleId === 'Azure.ACR.Logs')).toStrictEqual([
      { at: 'messages/names-as-written.bicep:5:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'byUniqueString' (named 'cr\${toLower(uniqueString(resourceGroup().id))}') has no diagnostic setting, ${CONSEQUENCE}; ${ADD_ONE}` },
      { at: 'messages/names-as-written.bicep:11:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'byParameter' (named 'cr\${token}') has no diagnostic setting, ${CONSEQUENCE}; ${ADD_ONE}` },
      { at: 'messages/names-as-written.bicep:17:1', ruleId: 'Azure.ACR.Logs', level: 'error', message: `registry 'byLongExpression' (named 'cr\${…}') has no diagnostic setting, ${CONSEQUENCE}; ${ADD_ONE}` },
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it('a resource of an ARM template is named by its name, not by its position in resources', async () => {
    const { code, report } = await auditJson([path.join(ARM_FIXTURES, 'names-as-written.json')]);
    expect(withoutLocks(seen(report, ARM_FIXTURES))).toStrictEqual([
      { at: 'names-as-written.json:23:17', ruleId: 'Azure.ACR.Logs', level: 'error', message: "registry named 'cr${token}' does not export ContainerRegistryRepositoryEvents; enable it or the 'audit' category group" },
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it('settings that are not deployed for one reason share it, three are named and the rest counted', async () => {
    const { code, report } = await auditJson(['messages/many-settings-not-deployed.bicep']);
    expect(withoutLocks(seen(report))).toStrictEqual([
      {
        at: 'messages/many-settings-not-deployed.bicep:6:1',
        ruleId: 'Azure.ACR.Logs',
        level: 'error',
        message:
          "registry 'acrmanyoff' has no diagnostic setting that is deployed: diagnostic settings 'first', 'second', 'third' and 2 more are not, each because its condition is false (parameter 'deploy' is false, its default), " +
          `${CONSEQUENCE}; make the condition true or add a setting that enables ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents, or the 'audit' category group`,
      },
    ]);
    expect(code).toBe(1);
  }, 60_000);

  it('of five unknowns that decide a review, three are named and the rest counted', async () => {
    const { code, report } = await auditJson(['messages/many-deciders.bicep']);
    const declared = (line: number) => `(declared at many-deciders.bicep:${line}:1), which has no value`;
    expect(withoutLocks(seen(report))).toStrictEqual([
      {
        at: 'messages/many-deciders.bicep:21:12',
        ruleId: 'Azure.ACR.Logs',
        level: 'warning',
        message:
          "whether registry 'acrmanydeciders' exports ContainerRegistryLoginEvents and ContainerRegistryRepositoryEvents is decided at deployment by " +
          `parameter 'a' ${declared(4)}; parameter 'b' ${declared(5)}; parameter 'c' ${declared(6)}; and 2 more; settle it in the template or check it before deploying`,
      },
    ]);
    expect(code).toBe(0);
  }, 60_000);
});

