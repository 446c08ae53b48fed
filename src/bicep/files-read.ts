import fs from 'node:fs';
import path from 'node:path';
import { bicepConfigsAbove, pathsNamedIn } from '../discover/local-files';
import type { CompiledDeclaration } from './compile-output';
import type { BicepJsonRpcClient } from './jsonrpc-client';
import type { DeploymentGraphNode } from './protocol';

const REGISTRY_PATH = /^(br|ts)[:/]/i;
// A .bicepparam file's `using` is its first statement; only comments may come before it.
const USING = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*using\s+'([^'\\]*)'/;

/** The template a `.bicepparam` file uses, when it names a file. */
function usedTemplate(paramFile: string): string | undefined {
  const written = USING.exec(fs.readFileSync(paramFile, 'utf8'))?.[1];
  return written === undefined || REGISTRY_PATH.test(written) ? undefined : path.resolve(path.dirname(paramFile), written);
}

const isFile = (file: string) => fs.existsSync(file) && fs.statSync(file).isFile();

/**
 * The files a compile of `file` reads, as the Bicep server says: `getFileReferences` lists the
 * Bicep files of the module graph and every `load…()` file, whatever expression names it, but
 * leaves out local ARM JSON modules and a `.bicepparam` file's `using 'main.json'`. Those come
 * from the paths each Bicep file names, parsed with the source grammar, or for a file the grammar
 * cannot parse whole, from its deployment graph (its modules' paths, as written), and from the
 * `using` line. The nearest bicepconfig.json of each Bicep file is added:
 * the mirror needs its copy. The graphs' declarations, with the compiler's ranges, come along for
 * placing findings where the grammar does not find them. A file the grammar parses whole needs no
 * graph: a graph request costs the server about as much as the compile of that file (measured on
 * the scale corpus: 6.5 graphs an entry took 1.5 times as long as the entry's compile).
 */
const declarationOf = (node: DeploymentGraphNode): CompiledDeclaration => ({
  symbol: node.name,
  range: { start: { line: node.range.start.line, character: node.range.start.char }, end: { line: node.range.end.line, character: node.range.end.char } },
  ...(node.relativePath === undefined ? {} : { modulePath: node.relativePath }),
});

// A file's graph follows from its text alone; the entries of a module repository share their modules' files.
const graphsByText = new Map<string, Promise<Awaited<ReturnType<BicepJsonRpcClient['getDeploymentGraph']>>>>();

/** The deployment graph of a Bicep file as it reads now, asked of the server once per text in a run. */
function deploymentGraph(client: BicepJsonRpcClient, file: string) {
  const key = `${file}\u0000${fs.readFileSync(file, 'utf8')}`;
  let graph = graphsByText.get(key);
  if (!graph) {
    graph = client.getDeploymentGraph({ path: file });
    // A failed request is not kept: the next entry asks again, of a server that may answer.
    graph.catch(() => graphsByText.delete(key));
    graphsByText.set(key, graph);
  }
  return graph;
}

export async function filesTheCompileReads(
  client: BicepJsonRpcClient,
  file: string,
  fetchTimeoutMs: number | undefined,
): Promise<{ files: string[]; declarations: Record<string, CompiledDeclaration[]> }> {
  // The first request about a file fetches its `br:`/`ts:` modules that are not in the cache: only it gets the wait for fetching.
  const reported = (await client.getFileReferences({ path: file }, fetchTimeoutMs)).filePaths.map((p) => path.resolve(p));
  const bicepFiles = reported.filter((f) => /\.bicep$/i.test(f) && isFile(f));
  const named = await Promise.all(bicepFiles.map(async (f) => ({ f, paths: await pathsNamedIn(f) })));
  const graphs = await Promise.all(named.filter((n) => n.paths === undefined).map(async ({ f }) => ({ f, graph: await deploymentGraph(client, f) })));
  const modules = [
    ...named.flatMap((n) => n.paths ?? []),
    ...graphs.flatMap(({ f, graph }) =>
      graph.nodes.flatMap((n) => (n.relativePath === undefined || REGISTRY_PATH.test(n.relativePath) ? [] : [path.resolve(path.dirname(f), n.relativePath)])),
    ),
  ];
  const templates = reported.filter((f) => /\.bicepparam$/i.test(f) && isFile(f)).flatMap((f) => usedTemplate(f) ?? []);
  const read = [path.resolve(file), ...reported, ...modules, ...templates];
  const configs = read.filter((f) => /\.bicep(param)?$/i.test(f) && isFile(f)).flatMap((f) => bicepConfigsAbove(f).slice(0, 1));
  const declarations = Object.fromEntries(graphs.map(({ f, graph }) => [f, graph.nodes.map(declarationOf)]));
  return { files: [...new Set([...read, ...configs])], declarations };
}
