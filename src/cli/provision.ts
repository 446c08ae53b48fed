import os from 'node:os';
import { EXIT } from './exit-codes';
import type { RunEnvironment } from './audit';

interface Provisioning {
  provisionBicep(options: { env: Record<string, string | undefined>; homeDir: string; say: (line: string) => void }): Promise<string>;
}

/** `--provision`: what `npm ci` does for the Bicep CLI, asked for by hand (the install script, plain JavaScript, does the work). */
export async function provisionPinnedCli(options: RunEnvironment): Promise<number> {
  const script = require('../../scripts/provision-bicep.js') as Provisioning;
  try {
    await script.provisionBicep({ env: options.env, homeDir: options.homeDir ?? os.homedir(), say: (line) => options.stdout.write(`bicep-audit: ${line}\n`) });
    return EXIT.clean;
  } catch (error) {
    options.stderr.write(`bicep-audit: could not provision the pinned Bicep CLI: ${(error as Error).message}\n`);
    return EXIT.environment;
  }
}
