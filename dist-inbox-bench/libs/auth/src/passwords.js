"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.hashPassword = hashPassword;
exports.verifyPassword = verifyPassword;
const argon2_1 = require("@node-rs/argon2");
function hashPassword(password) {
    return (0, argon2_1.hash)(password);
}
async function verifyPassword(passwordHash, password) {
    const target = passwordHash ?? (await dummyHash());
    const ok = await (0, argon2_1.verify)(target, password).catch(() => false);
    return ok && passwordHash !== null;
}
let dummy = null;
function dummyHash() {
    dummy ??= (0, argon2_1.hash)('no account has this password');
    return dummy;
}
