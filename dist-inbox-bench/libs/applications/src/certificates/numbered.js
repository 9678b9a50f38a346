"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nextSequence = nextSequence;
exports.addYears = addYears;
const domain_1 = require("../../../domain/src/index.js");
const number_allocator_1 = require("../number-allocator");
function nextSequence(em, serviceCode, form, context) {
    return (0, number_allocator_1.nextNumber)(em, (0, domain_1.numberScope)(serviceCode, context.issuedOn, form));
}
function addYears(localDate, years) {
    const [y, m, d] = localDate.split('-').map(Number);
    const end = new Date(Date.UTC(y + years, m - 1, d - 1));
    return end.toISOString().slice(0, 10);
}
