"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonLogger = void 0;
exports.appLogger = appLogger;
const personal_data_1 = require("../../domain/src/personal-data.js");
const LEVELS_OF = {
    quiet: ['fatal', 'error', 'warn'],
    all: ['fatal', 'error', 'warn', 'log'],
};
const LOOKS_LIKE_STACK = /^[^\n]*\n\s+at /;
class JsonLogger {
    app;
    levels;
    constructor(app, levels = LEVELS_OF.all) {
        this.app = app;
        this.levels = new Set(levels);
    }
    setLogLevels(levels) {
        this.levels = new Set(levels);
    }
    log(message, ...params) {
        this.write('log', message, params);
    }
    error(message, ...params) {
        this.write('error', message, params);
    }
    warn(message, ...params) {
        this.write('warn', message, params);
    }
    debug(message, ...params) {
        this.write('debug', message, params);
    }
    verbose(message, ...params) {
        this.write('verbose', message, params);
    }
    fatal(message, ...params) {
        this.write('fatal', message, params);
    }
    write(level, message, params) {
        if (!this.levels.has(level))
            return;
        const rest = params.filter((p) => p !== undefined);
        const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? rest.pop() : undefined;
        const stack = typeof rest[0] === 'string' && LOOKS_LIKE_STACK.test(rest[0]) ? rest.shift() : message instanceof Error ? message.stack : undefined;
        const record = {
            time: new Date().toISOString(),
            level,
            app: this.app,
            pid: process.pid,
            ...(context ? { context } : {}),
            message: (0, personal_data_1.maskPersonalData)(textOf(message)),
            ...(stack ? { stack: (0, personal_data_1.maskPersonalData)(stack) } : {}),
            ...(rest.length > 0 ? { details: (0, personal_data_1.maskPersonalData)(rest.map(textOf).join(' ')) } : {}),
        };
        const line = `${JSON.stringify(record)}\n`;
        if (level === 'error' || level === 'fatal' || level === 'warn')
            process.stderr.write(line);
        else
            process.stdout.write(line);
    }
}
exports.JsonLogger = JsonLogger;
function textOf(value) {
    if (typeof value === 'string')
        return value;
    if (value instanceof Error)
        return `${value.name}: ${value.message}`;
    try {
        return JSON.stringify(value) ?? String(value);
    }
    catch {
        return String(value);
    }
}
function appLogger(app, option) {
    if (option === false)
        return false;
    return new JsonLogger(app, option === 'quiet' ? LEVELS_OF.quiet : LEVELS_OF.all);
}
