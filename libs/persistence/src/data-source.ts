import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { PooledClient } from './pooled-client';
import { ParameterFreeQueryLogger } from './query-logger';

/** A TypeORM data source over OneWindow's entities. Never `synchronize`: the schema is the migrations'. */
export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string; logErrors?: boolean } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; the app role may not create extensions.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: options.logErrors === false ? false : ['error'],
    // Failed queries are logged without their parameters, which carry personal data.
    logger: new ParameterFreeQueryLogger(options.logErrors !== false),
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'onewindow',
    // connectionTimeoutMillis also bounds the wait for a free pooled connection under a burst;
    // reachability is checked at start. Client: see PooledClient.
    extra: { connectionTimeoutMillis: 20000, Client: PooledClient },
  });
}
