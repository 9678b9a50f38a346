"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.maskPersonalData = maskPersonalData;
const RESIDENT_ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<![0-9A-Za-z])((?:\+?86[- ]?)?1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;
function maskPersonalData(text) {
    return text
        .replace(RESIDENT_ID_IN_TEXT, (_, head, tail) => `${head.slice(0, 4)}**********${tail.slice(-4).toUpperCase()}`)
        .replace(MOBILE_IN_TEXT, (_, head, tail) => `${head}****${tail}`);
}
