import { execFileSync, spawnSync } from 'node:child_process';

const PACKAGE_OF: Record<string, string> = {
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdfimages: 'poppler-utils',
  zbarimg: 'zbar-tools',
};

/** Runs a command-line tool for a test, failing with the package to install when it is missing. */
export function runTool(tool: string, args: string[]): string {
  const probe = spawnSync(tool, ['-v']);
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error(`${tool} is not installed: run \`apt-get install -y ${PACKAGE_OF[tool]}\` to run these tests`);
  }
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Text without any whitespace, so that wrapped lines compare with the words they came from. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
