/** `npm run audit:verify`: walks every file's audit chain and every daily digest; names the first broken link. */
import { verifyAuditTrail } from '@onewindow/applications';
import { assertServicesReachable, loadConfig } from '@onewindow/config';
import { createDataSource } from '@onewindow/persistence';
import { runMain } from '@onewindow/web';

runMain('audit:verify', async () => {
  const config = loadConfig();
  await assertServicesReachable({ postgres: config.DATABASE_OWNER_URL });
  const db = await createDataSource(config.DATABASE_OWNER_URL, { poolSize: 2 }).initialize();
  try {
    const report = await verifyAuditTrail(db.manager);
    console.log(`checked ${report.filesChecked} files' chains and ${report.daysChecked} daily digests`);
    for (const broken of report.brokenChains) console.log(`BROKEN chain of application ${broken.applicationId} at event ${broken.eventId}`);
    for (const day of report.tamperedDays) console.log(`TAMPERED day ${day.day}: stored digest ${day.stored}, events now give ${day.actual}`);
    if (report.brokenChains.length || report.tamperedDays.length) process.exitCode = 1;
    else console.log('audit trail intact');
  } finally {
    await db.destroy();
  }
});
