import { getQueueToken, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { ALL_QUEUES } from '@onewindow/queues';

/** At most one line per this long while Redis stays unreachable. */
const REPEAT_MS = 60_000;

/**
 * BullMQ prints every failed reconnect of a Queue or Worker that has no 'error' listener with
 * console.error: several multi-line, non-JSON entries a second per queue while Redis is down.
 * This listens on all of them (the registered queues and each processor's worker) and logs one
 * structured line a minute while the errors last; the queues and workers retry on their own.
 */
@Injectable()
export class RedisOutageLog implements OnApplicationBootstrap {
  private readonly logger = new Logger('Redis');
  private lastLoggedAt = 0;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly discovery: DiscoveryService,
  ) {}

  onApplicationBootstrap(): void {
    const queues = ALL_QUEUES.map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
    const workers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is WorkerHost => instance instanceof WorkerHost)
      .map((host) => host.worker);
    for (const queue of queues) queue.on('error', (error) => this.told(error));
    for (const worker of workers) worker.on('error', (error) => this.told(error));
  }

  private told(error: Error): void {
    const now = Date.now();
    if (now - this.lastLoggedAt < REPEAT_MS) return;
    this.lastLoggedAt = now;
    this.logger.warn(`Redis unreachable (${error.message}); queues and workers retry on their own`);
  }
}
