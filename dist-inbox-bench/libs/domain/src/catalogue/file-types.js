"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCANS_OR_E_DOCUMENT = exports.SCANS = void 0;
exports.SCANS = ['application/pdf', 'image/jpeg', 'image/png'];
exports.SCANS_OR_E_DOCUMENT = [...exports.SCANS, 'application/ofd'];
