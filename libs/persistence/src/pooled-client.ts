import { Client, ClientConfig } from 'pg';

/**
 * A pooled connection that never takes the process down with an unheard 'error' event. When the
 * server ends a connection (a restart: 57P01) that runs no query at that instant, pg emits
 * 'error' on the client; pg-pool listens only while the client is idle and TypeORM only while a
 * query runner holds it, so a client between the two, or one already released after a first
 * error, would emit to nobody, which Node turns into an uncaught exception. Whoever uses the
 * connection still learns of the failure through its query (and the pool logs idle ones); this
 * listener only keeps the event from being unhandled. Found by the PostgreSQL-restart fault test.
 */
export class PooledClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}
