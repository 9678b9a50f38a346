"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SERVICE_CODES = void 0;
exports.SERVICE_CODES = [
    'business-license',
    'food-business',
    'investment-filing',
    'land-planning',
    'engineering-planning',
    'construction',
    'non-enterprise',
    'social-group',
];
