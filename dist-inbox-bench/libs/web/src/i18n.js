"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_LOCALE = exports.LOCALES = void 0;
exports.translate = translate;
exports.isLocale = isLocale;
exports.negotiateLocale = negotiateLocale;
const en_json_1 = __importDefault(require("./messages/en.json"));
const zh_CN_json_1 = __importDefault(require("./messages/zh-CN.json"));
exports.LOCALES = ['zh-CN', 'en'];
exports.DEFAULT_LOCALE = 'zh-CN';
const CATALOGUES = { 'zh-CN': zh_CN_json_1.default, en: en_json_1.default };
function translate(locale, key, params = {}) {
    const template = CATALOGUES[locale][key] ?? CATALOGUES[exports.DEFAULT_LOCALE][key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name) => (params[name] !== undefined ? String(params[name]) : `{${name}}`));
}
function isLocale(value) {
    return typeof value === 'string' && exports.LOCALES.includes(value);
}
function negotiateLocale(input) {
    if (isLocale(input.query))
        return input.query;
    if (isLocale(input.cookie))
        return input.cookie;
    if (typeof input.acceptLanguage === 'string') {
        for (const part of input.acceptLanguage.split(',')) {
            const tag = part.split(';')[0].trim().toLowerCase();
            if (tag.startsWith('zh'))
                return 'zh-CN';
            if (tag.startsWith('en'))
                return 'en';
        }
    }
    return exports.DEFAULT_LOCALE;
}
