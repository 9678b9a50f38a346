"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resultsPath = resultsPath;
exports.writeResultsSection = writeResultsSection;
exports.machine = machine;
const node_child_process_1 = require("node:child_process");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
function resultsPath() {
    let dir = __dirname;
    while (!(0, node_fs_1.existsSync)((0, node_path_1.join)(dir, 'package.json')) && (0, node_path_1.dirname)(dir) !== dir)
        dir = (0, node_path_1.dirname)(dir);
    return (0, node_path_1.join)(dir, 'bench', 'RESULTS.md');
}
function writeResultsSection(heading, body) {
    const path = resultsPath();
    const current = (0, node_fs_1.existsSync)(path) ? (0, node_fs_1.readFileSync)(path, 'utf8') : '# Benchmark results\n';
    const lines = current.split('\n');
    const start = lines.findIndex((line) => line.trim() === heading);
    const section = [heading, '', body.trimEnd(), ''];
    if (start < 0) {
        (0, node_fs_1.writeFileSync)(path, `${current.trimEnd()}\n\n${section.join('\n')}`);
        return;
    }
    const level = heading.match(/^#+/)[0].length;
    let end = lines.findIndex((line, k) => k > start && /^#+\s/.test(line) && line.match(/^#+/)[0].length <= level);
    if (end < 0)
        end = lines.length;
    (0, node_fs_1.writeFileSync)(path, `${[...lines.slice(0, start), ...section, ...lines.slice(end)].join('\n').trimEnd()}\n`);
}
function machine() {
    const shell = (command, args) => {
        try {
            return (0, node_child_process_1.execFileSync)(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
        }
        catch {
            return '(unavailable)';
        }
    };
    const memory = shell('free', ['-h']).split('\n').find((l) => l.startsWith('Mem:'))?.split(/\s+/) ?? [];
    return `nproc ${shell('nproc', [])}, ${memory[1] ?? '?'} RAM (${memory[6] ?? '?'} available), node ${process.version}, ${shell('psql', ['--version'])}`;
}
