import fs from 'node:fs';
import path from 'node:path';
import { escapeLoggingData } from '../../src/report/azure-pipelines';
import { auditWithRealBicep } from '../helpers/real-bicep';
import { ODD_FOLDER, oddPathRepository, type JsonResult } from '../helpers/odd-path-repository';

interface LoggingCommand {
  area: string;
  action: string;
  properties: Record<string, string>;
  message: string;
}

/** Undoes the documented escaping of logging-command values. */
function unescape(text: string): string {
  return text.replace(/%AZP25|%0D|%0A|%3B|%5D/g, (code) => ({ '%AZP25': '%', '%0D': '\r', '%0A': '\n', '%3B': ';', '%5D': ']' })[code]!);
}

/**
 * A line of the documented grammar, `##vso[area.action key=value;key=value]message`: a property
 * ends at `;` or `]`, so a value holding either would break it; each line is one command.
 */
function parseLoggingCommand(line: string): LoggingCommand {
  const match = /^##vso\[([a-z]+)\.([a-z]+)(?: ([^\]]*))?\](.*)$/.exec(line);
  if (!match) throw new Error(`not a logging command: ${line}`);
  const properties: Record<string, string> = {};
  for (const pair of (match[3] ?? '').split(';').filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`a property without a name or value: ${pair}`);
    properties[pair.slice(0, at)] = unescape(pair.slice(at + 1));
  }
  return { area: match[1]!, action: match[2]!, properties, message: unescape(match[4]!) };
}

async function run(root: string, argv: string[]) {
  const env = { BUILD_SOURCESDIRECTORY: root };
  const commands = await auditWithRealBicep([ODD_FOLDER, '--no-cache', '--format', 'azure-pipelines', ...argv], { cwd: root, env });
  const json = await auditWithRealBicep([ODD_FOLDER, '--no-cache', '--format', 'json', ...argv], { cwd: root, env });
  const lines = commands.stdout.split('\n');
  expect(lines.pop()).toBe('');
  return { code: commands.code, stderr: commands.stderr, commands: lines.map(parseLoggingCommand), results: JSON.parse(json.stdout).results as JsonResult[] };
}

describe('--format azure-pipelines', () => {
  it('gives one task.logissue per finding, with the path relative to BUILD_SOURCESDIRECTORY, and task.complete Failed on exit 1', async () => {
    const root = oddPathRepository();
    const { code, stderr, commands, results } = await run(root, []);
    expect([code, stderr]).toEqual([1, '']);
    expect(commands).toEqual([
      ...results.map((r) => ({
        area: 'task',
        action: 'logissue',
        properties: {
          type: r.level === 'error' ? 'error' : 'warning',
          sourcepath: path.relative(root, r.location.file),
          linenumber: String(r.location.line),
          columnnumber: String(r.location.column),
          code: r.ruleId,
        },
        message: r.message,
      })),
      { area: 'task', action: 'complete', properties: { result: 'Failed' }, message: '' },
    ]);
    expect(commands.map((c) => c.properties.sourcepath)).toEqual([`${ODD_FOLDER}/main.bicep`, `${ODD_FOLDER}/main.bicep`, `${ODD_FOLDER}/modules/registry.bicep`]);
    expect(commands.map((c) => c.properties.type)).toEqual(['warning', 'error', 'error', undefined]);
  });

  it('says a note is a note in a warning, and does not fail the task when the run passes', async () => {
    const root = oddPathRepository();
    const config = JSON.stringify({ rules: { 'Azure.ACR.Logs': 'note' } });
    fs.writeFileSync(path.join(root, 'bicep-audit.json'), config);
    const { code, commands, results } = await run(root, []);
    expect(code).toBe(0);
    expect(commands.map((c) => [c.action, c.properties.type, c.message])).toEqual(results.map((r) => ['logissue', 'warning', `note: ${r.message}`]));
  });

  it('prints nothing for suppressed or baselined findings, and no task.complete with --fail-on never', async () => {
    const root = oddPathRepository();
    const { code, commands } = await run(root, ['--fail-on', 'never']);
    expect(code).toBe(0);
    expect(commands.map((c) => c.action)).toEqual(['logissue', 'logissue', 'logissue']);
    expect((await auditWithRealBicep([ODD_FOLDER, '--no-cache', '--write-baseline'], { cwd: root })).code).toBe(0);
    const baselined = await auditWithRealBicep([ODD_FOLDER, '--no-cache', '--baseline', '--format', 'azure-pipelines'], { cwd: root });
    expect(baselined).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('escapes % first, then line breaks, as the agent reads them back', () => {
    expect(escapeLoggingData('100%AZP25\r\nnext')).toBe('100%AZP25AZP25%0D%0Anext');
    expect(unescape(escapeLoggingData('100%AZP25\r\nnext'))).toBe('100%AZP25\r\nnext');
  });
});
