"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const config_1 = require("../libs/config/src/index.js");
const persistence_1 = require("../libs/persistence/src/index.js");
const web_1 = require("../libs/web/src/index.js");
(0, web_1.runMain)('migrate', async () => {
    const config = (0, config_1.loadConfig)();
    await (0, config_1.assertServicesReachable)({ postgres: config.DATABASE_ADMIN_URL });
    const urls = { adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: config.DATABASE_OWNER_URL, appUrl: config.DATABASE_URL };
    await (0, persistence_1.ensureDatabase)(urls);
    const applied = await (0, persistence_1.runMigrations)(urls);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
});
