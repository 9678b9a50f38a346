"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CERTIFICATE_FONT = void 0;
exports.fontPath = fontPath;
exports.certificateFont = certificateFont;
exports.registerCertificateFonts = registerCertificateFonts;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
exports.CERTIFICATE_FONT = { regular: 'NotoSerifSC-Regular', bold: 'NotoSerifSC-Bold' };
const FONT_FILES = {
    regular: '400Regular/NotoSerifSC_400Regular.ttf',
    bold: '700Bold/NotoSerifSC_700Bold.ttf',
};
const loaded = new Map();
function fontPath(weight) {
    const packageDir = (0, node_path_1.dirname)(require.resolve('@expo-google-fonts/noto-serif-sc/package.json'));
    return (0, node_path_1.join)(packageDir, FONT_FILES[weight]);
}
function certificateFont(weight) {
    let bytes = loaded.get(weight);
    if (!bytes) {
        bytes = (0, node_fs_1.readFileSync)(fontPath(weight));
        loaded.set(weight, bytes);
    }
    return bytes;
}
function registerCertificateFonts(doc) {
    doc.registerFont(exports.CERTIFICATE_FONT.regular, certificateFont('regular'));
    doc.registerFont(exports.CERTIFICATE_FONT.bold, certificateFont('bold'));
}
