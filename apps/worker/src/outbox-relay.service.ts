import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@onewindow/config';
import { OutboxRelay, QueueRegistry, redisEventsLoggedBy } from '@onewindow/queues';

/** Runs the outbox relay inside the worker. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  private readonly queues: QueueRegistry;
  readonly relay: OutboxRelay;

  constructor(dataSource: DataSource, config: AppConfig) {
    this.queues = new QueueRegistry(config.REDIS_URL, config.QUEUE_PREFIX, redisEventsLoggedBy(this.logger, 'outbox relay'));
    this.relay = new OutboxRelay(dataSource, (name) => this.queues.get(name), {
      listenUrl: config.DATABASE_URL,
      onError: (error) => this.logger.error(error instanceof Error ? error.message : String(error)),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.queues.close();
  }
}
