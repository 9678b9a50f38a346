"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PORTAL_SESSION_COOKIE = void 0;
exports.PORTAL_SESSION_COOKIE = 'ow_session';
