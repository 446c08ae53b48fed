import path from 'node:path';
import type { BicepCompiler, Declaration, Range } from '../bicep/compile-output';
import type { RelatedLocation, SourceLocation } from '../rules/finding';
import type { InstancePlace } from '../rules/rule';
import type { DeploymentLink, ResourceInstance } from '../template/expand/instance';
import type { SourceSpan } from '../template/location';
import type { Locator } from './locator';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function isLocalModule(modulePath: string): boolean {
  return !/^(br|ts)[:/]/i.test(modulePath);
}

/**
 * For Bicep inputs: places are `resource`/`module` declarations found through the CLI's
 * deployment graph, following local modules into their own files. A registry in a `br:` or
 * `ts:` module is placed on the `module` declaration in the user's file.
 */
export class BicepLocator implements Locator {
  private readonly graphs = new Map<string, Promise<ReadonlyMap<string, Declaration>>>();

  constructor(
    private readonly entryFile: string,
    private readonly compiler: BicepCompiler,
  ) {}

  async locate(place: InstancePlace): Promise<SourceLocation> {
    const { file, stoppedAt } = await this.fileOf(place.instance.deploymentChain);
    if (stoppedAt) return stoppedAt;
    const symbol = place.instance.symbolicName.split('::')[0]!;
    const declaration = (await this.graph(file)).get(symbol);
    return { file, range: declaration?.range ?? FILE_START };
  }

  async moduleChain(instance: ResourceInstance): Promise<RelatedLocation[]> {
    const related: RelatedLocation[] = [];
    let file = this.entryFile;
    for (const link of instance.deploymentChain) {
      const declaration = (await this.graph(file)).get(link.symbolicName);
      if (!declaration) break;
      related.push({ location: { file, range: declaration.range }, message: `module '${link.symbolicName}'` });
      if (!declaration.modulePath || !isLocalModule(declaration.modulePath)) break;
      file = path.resolve(path.dirname(file), declaration.modulePath);
    }
    return related;
  }

  describeSpan(_span: SourceSpan): string {
    return `${path.basename(this.entryFile)} (compiled template)`;
  }

  /** The file that declares the template at the end of a module chain. */
  private async fileOf(chain: readonly DeploymentLink[]): Promise<{ file: string; stoppedAt?: SourceLocation }> {
    let file = this.entryFile;
    for (const link of chain) {
      const declaration = (await this.graph(file)).get(link.symbolicName);
      if (!declaration) return { file, stoppedAt: { file, range: FILE_START } };
      if (!declaration.modulePath || !isLocalModule(declaration.modulePath)) {
        return { file, stoppedAt: { file, range: declaration.range } };
      }
      file = path.resolve(path.dirname(file), declaration.modulePath);
    }
    return { file };
  }

  private graph(file: string): Promise<ReadonlyMap<string, Declaration>> {
    let graph = this.graphs.get(file);
    if (!graph) {
      graph = this.compiler.declarations(file);
      this.graphs.set(file, graph);
    }
    return graph;
  }
}
