"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runMain = runMain;
const config_1 = require("../../config/src/index.js");
const SHUTDOWN_DEADLINE_MS = Number(process.env.SHUTDOWN_DEADLINE_MS ?? 25_000);
function runMain(name, main) {
    for (const signal of ['SIGTERM', 'SIGINT']) {
        process.once(signal, () => {
            setTimeout(() => {
                console.error(`${name}: still busy ${SHUTDOWN_DEADLINE_MS} ms after ${signal}; exiting`);
                process.exit(1);
            }, SHUTDOWN_DEADLINE_MS).unref();
        });
    }
    main().catch((error) => {
        if (error instanceof config_1.ConfigError || error instanceof config_1.ServiceUnreachableError) {
            console.error(`${name}: ${error.message}`);
        }
        else {
            console.error(`${name}: failed to start:`, error);
        }
        process.exit(1);
    });
}
