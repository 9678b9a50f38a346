"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createDataSource = createDataSource;
const typeorm_1 = require("typeorm");
const entities_1 = require("./entities");
const migrations_1 = require("./migrations");
const query_logger_1 = require("./query-logger");
function createDataSource(url, options = {}) {
    return new typeorm_1.DataSource({
        type: 'postgres',
        url,
        entities: entities_1.ENTITIES,
        migrations: migrations_1.MIGRATIONS,
        migrationsTableName: 'migrations',
        synchronize: false,
        uuidExtension: 'pgcrypto',
        installExtensions: false,
        migrationsRun: false,
        logging: options.logErrors === false ? false : ['error'],
        logger: new query_logger_1.ParameterFreeQueryLogger(options.logErrors !== false),
        poolSize: options.poolSize ?? 10,
        applicationName: options.applicationName ?? 'onewindow',
        extra: { connectionTimeoutMillis: 20000 },
    });
}
