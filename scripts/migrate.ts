/** `npm run migrate`: creates the roles and database when missing, applies pending migrations, grants the app role its rights. */
import { assertServicesReachable, loadConfig } from '@onewindow/config';
import { ensureDatabase, runMigrations } from '@onewindow/persistence';
import { runMain } from '@onewindow/web';

runMain('migrate', async () => {
  const config = loadConfig();
  await assertServicesReachable({ postgres: config.DATABASE_ADMIN_URL });
  const urls = { adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: config.DATABASE_OWNER_URL, appUrl: config.DATABASE_URL };
  await ensureDatabase(urls);
  const applied = await runMigrations(urls);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
});
