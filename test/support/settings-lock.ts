import { Client } from 'pg';

/** Any fixed key: one advisory lock of this run's database stands for "the services' settings". */
const SERVICE_SETTINGS_LOCK = 0x5e771265;

/**
 * The e2e files share one database and run in parallel. A test that changes a service's settings
 * (promised days, green-channel days) holds this lock exclusively while they differ from the
 * catalogue's; a file whose assertions assume the catalogue's promises holds it shared. Each
 * waits for the other instead of seeing the other's change. Returns the release.
 */
export async function holdServiceSettings(mode: 'assume-catalogue' | 'change'): Promise<() => Promise<void>> {
  const client = new Client({ connectionString: process.env.DATABASE_OWNER_URL, application_name: `onewindow-test-settings-${mode}` });
  await client.connect();
  await client.query(mode === 'change' ? 'SELECT pg_advisory_lock($1)' : 'SELECT pg_advisory_lock_shared($1)', [SERVICE_SETTINGS_LOCK]);
  return async () => {
    await client.end();
  };
}

/** Runs `change` holding the lock exclusively: the other files see the catalogue before and after, never during. */
export async function whileChangingServiceSettings(change: () => Promise<void>): Promise<void> {
  const release = await holdServiceSettings('change');
  try {
    await change();
  } finally {
    await release();
  }
}
