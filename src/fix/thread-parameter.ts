import path from 'node:path';
import type { TextEdit } from '../rules/source-fix';
import { identifierOf, objectProperty, propertyValue, syntaxChildren, type ParsedBicep, type SyntaxNode } from './bicep-syntax';
import { appendObjectProperty } from './layout';
import type { ModuleCalls } from './module-calls';
import { toTextEdit, type SourceAt } from './plan-fix';
import { freeName } from './new-resource';
import { parameterEdit, workspaceOfAnotherSetting } from './workspace-parameter';

/** The object a module declaration deploys, through `if (...)` and `[for ...: ...]`. */
function deployedObject(node: SyntaxNode | undefined): SyntaxNode | undefined {
  if (node?.type === 'object') return node;
  if (node?.type === 'if_statement' || node?.type === 'for_statement') return deployedObject(syntaxChildren(node).at(-1));
  return undefined;
}

export interface Threaded {
  edits: TextEdit[];
  /** The callers that pass the workspace of a setting of theirs: `app.bicep (workspace.id)`. */
  reused: string[];
  /** The files that got a new parameter to pass it down. */
  newParameterIn: string[];
}

/** The edits so far, and the parameter each caller file got (one per file, whatever it passes it to). */
interface Threading extends Threaded {
  parameterOf: Map<string, string>;
}

/**
 * Passes a new required parameter of `file` from every `module` declaration of the run that
 * deploys it: a caller that has a diagnostic setting of its own passes that setting's workspace;
 * another gets a required parameter of the same kind, passed on from its own callers in turn. A
 * `.bicepparam` file that uses `file` is left to the proof (it cannot declare a parameter).
 */
export async function threadParameter(file: string, parameter: string, calls: ModuleCalls, sourceAt: SourceAt): Promise<Threaded | { noFix: string }> {
  const threading: Threading = { edits: [], reused: [], newParameterIn: [], parameterOf: new Map() };
  const failed = await passFromCallers(file, parameter, calls, sourceAt, threading);
  return failed ?? { edits: threading.edits, reused: threading.reused, newParameterIn: threading.newParameterIn };
}

async function passFromCallers(file: string, parameter: string, calls: ModuleCalls, sourceAt: SourceAt, threading: Threading): Promise<{ noFix: string } | undefined> {
  for (const call of calls.of(file)) {
    if (!/\.bicep$/i.test(call.file)) continue;
    const caller = await sourceAt(call);
    if (typeof caller === 'string') return { noFix: caller };
    const declaration = caller.nodeAt(call.range)?.parent;
    if (declaration?.type !== 'module_declaration') continue;
    const body = deployedObject(syntaxChildren(declaration).at(-1));
    const params = objectProperty(body, 'params');
    const paramsObject = params && propertyValue(params);
    // Bicep takes only an object literal there: anything else is a declaration the grammar did not read.
    if (!body || (params && paramsObject?.type !== 'object')) {
      return { noFix: `the declaration of module '${identifierOf(declaration)}' in ${path.basename(caller.file)} could not be read; the new parameter '${parameter}' is for a person to pass there` };
    }
    const value = await valueIn(caller, calls, sourceAt, threading);
    if (typeof value !== 'string') return value;
    const edit = paramsObject ? appendObjectProperty(caller, paramsObject, parameter, value) : appendObjectProperty(caller, body, 'params', `{ ${parameter}: ${value} }`);
    threading.edits.push(toTextEdit(caller, edit));
  }
  return undefined;
}

/** What a caller passes: its own setting's workspace, or its own new parameter (made once a file). */
async function valueIn(caller: ParsedBicep, calls: ModuleCalls, sourceAt: SourceAt, threading: Threading): Promise<string | { noFix: string }> {
  const known = threading.parameterOf.get(caller.file);
  if (known) return known;
  const name = path.basename(caller.file);
  const workspace = workspaceOfAnotherSetting(caller);
  if (workspace) {
    threading.parameterOf.set(caller.file, workspace);
    threading.reused.push(`${name} (${workspace})`);
    return workspace;
  }
  const own = freeName(caller, 'auditWorkspaceId');
  threading.parameterOf.set(caller.file, own);
  threading.newParameterIn.push(name);
  threading.edits.push(toTextEdit(caller, parameterEdit(caller, own, 'Log Analytics workspace that receives the audit logs of the modules this file deploys')));
  const failed = await passFromCallers(caller.file, own, calls, sourceAt, threading);
  return failed ?? own;
}
