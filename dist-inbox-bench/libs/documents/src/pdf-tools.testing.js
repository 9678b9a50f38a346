"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runTool = runTool;
exports.squeeze = squeeze;
const node_child_process_1 = require("node:child_process");
const PACKAGE_OF = {
    pdftotext: 'poppler-utils',
    pdftoppm: 'poppler-utils',
    pdfinfo: 'poppler-utils',
    pdfimages: 'poppler-utils',
    zbarimg: 'zbar-tools',
};
function runTool(tool, args) {
    const probe = (0, node_child_process_1.spawnSync)(tool, ['-v']);
    if (probe.error?.code === 'ENOENT') {
        throw new Error(`${tool} is not installed: run \`apt-get install -y ${PACKAGE_OF[tool]}\` to run these tests`);
    }
    return (0, node_child_process_1.execFileSync)(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}
function squeeze(text) {
    return text.replace(/\s+/g, '');
}
