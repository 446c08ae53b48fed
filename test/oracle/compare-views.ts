import type { DeploymentView } from './deployment-view';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Every way the engine's view differs from Azure's, one line each; empty when they agree. */
export function compareViews(azure: DeploymentView, engine: DeploymentView): string[] {
  const differences = [...engine.unknowns];
  for (const id of azure.registries.keys()) if (!engine.registries.has(id)) differences.push(`registry only Azure deploys: ${id}`);
  for (const id of engine.registries.keys()) if (!azure.registries.has(id)) differences.push(`registry only the engine deploys: ${id}`);
  for (const id of azure.settings.keys()) if (!engine.settings.has(id)) differences.push(`setting only Azure deploys: ${id}`);
  for (const id of engine.settings.keys()) if (!azure.settings.has(id)) differences.push(`setting only the engine deploys: ${id}`);
  for (const [id, setting] of azure.settings) {
    const mine = engine.settings.get(id);
    if (!mine) continue;
    if (!sameList(setting.logs, mine.logs)) differences.push(`setting ${id}: logs are [${setting.logs.join(', ')}] in Azure, [${mine.logs.join(', ')}] in the engine`);
    if (!sameList(setting.destinations, mine.destinations)) {
      differences.push(`setting ${id}: destinations are [${setting.destinations.join(', ')}] in Azure, [${mine.destinations.join(', ')}] in the engine`);
    }
  }
  for (const [id, verdict] of azure.registries) {
    const mine = engine.registries.get(id);
    if (mine !== undefined && mine !== verdict) differences.push(`registry ${id}: ${verdict} by Azure's settings, ${mine} by the engine`);
  }
  return differences;
}
