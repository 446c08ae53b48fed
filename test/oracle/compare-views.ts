import type { DeploymentView } from './deployment-view';

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Every way the engine's view differs from Azure's, one line each; empty when they agree. */
export function compareViews(azure: DeploymentView, engine: DeploymentView): string[] {
  const differences = [...engine.unknowns];
  for (const [id, { type }] of azure.targets) if (!engine.targets.has(id)) differences.push(`${type} only Azure deploys: ${id}`);
  for (const [id, { type }] of engine.targets) if (!azure.targets.has(id)) differences.push(`${type} only the engine deploys: ${id}`);
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
  for (const [id, { type, verdict }] of azure.targets) {
    const mine = engine.targets.get(id);
    if (mine !== undefined && mine.verdict !== verdict) differences.push(`${type} ${id}: ${verdict} by Azure's settings, ${mine.verdict} by the engine`);
  }
  return differences;
}
