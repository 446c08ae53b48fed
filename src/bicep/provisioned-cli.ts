import { packageJson } from '../package-info';

interface Platform {
  provisionedCliPath(version: string, env: Record<string, string | undefined>, platform: NodeJS.Platform, homeDir: string): string;
  WHAT_TO_DO: string;
}

// Plain JavaScript shared with the install script, which runs before anything is built: the run
// looks for the CLI where the script put it.
const platform = require('../../scripts/bicep-cli/platform.js') as Platform;

/** Where scripts/provision-bicep.js puts the pinned CLI: the per-user cache, `$XDG_CACHE_HOME/bicep-audit/bicep/<version>/`. */
export function provisionedBicepPath(env: Record<string, string | undefined>, homeDir: string): string {
  return platform.provisionedCliPath(packageJson().bicepCli.version, env, process.platform, homeDir);
}

/** What to do when there is no Bicep CLI: provision the pinned one, set BICEP_PATH, or `az bicep install`. */
export const WHAT_TO_DO_WITHOUT_CLI = platform.WHAT_TO_DO;
