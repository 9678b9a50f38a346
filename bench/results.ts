import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function resultsPath(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'bench', 'RESULTS.md');
}

/** Replaces one scenario's section of bench/RESULTS.md (or appends it), leaving the others as they are. */
export function writeResultsSection(heading: string, body: string): void {
  const path = resultsPath();
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const lines = current.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  const section = [heading, '', body.trimEnd(), ''];
  if (start < 0) {
    writeFileSync(path, `${current.trimEnd()}\n\n${section.join('\n')}`);
    return;
  }
  const level = heading.match(/^#+/)![0].length;
  let end = lines.findIndex((line, k) => k > start && /^#+\s/.test(line) && line.match(/^#+/)![0].length <= level);
  if (end < 0) end = lines.length;
  writeFileSync(path, `${[...lines.slice(0, start), ...section, ...lines.slice(end)].join('\n').trimEnd()}\n`);
}

/** The machine, as `nproc`, `free -h` and `node -v` tell it. */
export function machine(): string {
  const shell = (command: string, args: string[]) => {
    try {
      return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '(unavailable)';
    }
  };
  const memory = shell('free', ['-h']).split('\n').find((l) => l.startsWith('Mem:'))?.split(/\s+/) ?? [];
  return `nproc ${shell('nproc', [])}, ${memory[1] ?? '?'} RAM (${memory[6] ?? '?'} available), node ${process.version}, ${shell('psql', ['--version'])}`;
}

/** Which code ran: when this build was made, and the commit its working tree stood on (others' uncommitted work included). */
export function buildOf(): string {
  let commit = '?';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dirname(resultsPath()), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // not a clone
  }
  return `build of ${statSync(__filename).mtime.toISOString().slice(0, 16)} UTC from the working tree at ${commit}`;
}
