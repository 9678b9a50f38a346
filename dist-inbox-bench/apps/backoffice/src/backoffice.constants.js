"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STAFF_SESSION_COOKIE = void 0;
exports.STAFF_SESSION_COOKIE = 'ow_staff_session';
