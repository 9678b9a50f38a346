"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ParameterFreeQueryLogger = void 0;
const personal_data_1 = require("../../domain/src/personal-data");
const MAX_QUERY_CHARS = 2000;
class ParameterFreeQueryLogger {
    enabled;
    constructor(enabled = true) {
        this.enabled = enabled;
    }
    logQuery() { }
    logQueryError(error, query) {
        const message = typeof error === 'string' ? error : `${error.name}: ${error.message}`;
        this.write('error', message, query);
    }
    logQuerySlow(time, query) {
        this.write('warn', `slow query: ${time} ms`, query);
    }
    logSchemaBuild() { }
    logMigration(message) {
        this.write('log', message);
    }
    log(level, message) {
        if (level === 'warn')
            this.write('warn', String(message));
    }
    write(level, message, query) {
        if (!this.enabled)
            return;
        const record = {
            time: new Date().toISOString(),
            level,
            pid: process.pid,
            context: 'TypeORM',
            message: (0, personal_data_1.maskPersonalData)(message),
            ...(query ? { query: (0, personal_data_1.maskPersonalData)(query.length > MAX_QUERY_CHARS ? `${query.slice(0, MAX_QUERY_CHARS)}…` : query) } : {}),
        };
        (level === 'log' ? process.stdout : process.stderr).write(`${JSON.stringify(record)}\n`);
    }
}
exports.ParameterFreeQueryLogger = ParameterFreeQueryLogger;
