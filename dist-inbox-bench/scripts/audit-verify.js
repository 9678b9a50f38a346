"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const applications_1 = require("../libs/applications/src/index.js");
const config_1 = require("../libs/config/src/index.js");
const persistence_1 = require("../libs/persistence/src/index.js");
const web_1 = require("../libs/web/src/index.js");
(0, web_1.runMain)('audit:verify', async () => {
    const config = (0, config_1.loadConfig)();
    await (0, config_1.assertServicesReachable)({ postgres: config.DATABASE_OWNER_URL });
    const db = await (0, persistence_1.createDataSource)(config.DATABASE_OWNER_URL, { poolSize: 2 }).initialize();
    try {
        const report = await (0, applications_1.verifyAuditTrail)(db.manager);
        console.log(`checked ${report.filesChecked} files' chains and ${report.daysChecked} daily digests`);
        for (const broken of report.brokenChains)
            console.log(`BROKEN chain of application ${broken.applicationId} at event ${broken.eventId}`);
        for (const day of report.tamperedDays)
            console.log(`TAMPERED day ${day.day}: stored digest ${day.stored}, events now give ${day.actual}`);
        if (report.brokenChains.length || report.tamperedDays.length)
            process.exitCode = 1;
        else
            console.log('audit trail intact');
    }
    finally {
        await db.destroy();
    }
});
