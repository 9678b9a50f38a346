"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SNIFF_BYTES = void 0;
exports.sniffMimeType = sniffMimeType;
const magic_bytes_js_1 = require("magic-bytes.js");
exports.SNIFF_BYTES = 4100;
function sniffMimeType(head) {
    const mimes = (0, magic_bytes_js_1.filetypemime)(new Uint8Array(head));
    if (mimes.includes('application/pdf'))
        return 'application/pdf';
    if (mimes.includes('image/jpeg'))
        return 'image/jpeg';
    if (mimes.includes('image/png'))
        return 'image/png';
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && head.subarray(0, 200).includes('OFD.xml')) {
        return 'application/ofd';
    }
    return mimes[0] ?? null;
}
