"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
require("reflect-metadata");
const config_1 = require("../../../libs/config/src/index.js");
const web_1 = require("../../../libs/web/src/index.js");
const backoffice_app_1 = require("./backoffice.app");
(0, web_1.runMain)('backoffice', async () => {
    const config = (0, config_1.loadConfig)();
    await (0, config_1.assertServicesReachable)({ postgres: config.DATABASE_URL, redis: config.REDIS_URL });
    const app = await (0, backoffice_app_1.createBackofficeApp)(config);
    await app.listen(config.BACKOFFICE_PORT, config.HOST);
    console.log(`back office listening on ${await app.getUrl()}`);
});
