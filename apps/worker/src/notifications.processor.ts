import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { NotificationDeliveryService, NotificationSendError } from '@onewindow/applications';
import { AppConfig } from '@onewindow/config';
import { MalformedJobError, parseJobPayload, QUEUES } from '@onewindow/queues';

/**
 * Sends recorded messages (`notify`): only delegates to NotificationDeliveryService. A failure
 * the sender calls permanent is not retried; any other is, with the queue's attempts and backoff.
 */
@Processor(QUEUES.notifications, { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost implements OnModuleInit {
  constructor(
    private readonly delivery: NotificationDeliveryService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    const { SMS_SENDER, EMAIL_SENDER, NODE_ENV } = this.config;
    if (NODE_ENV === 'production' && (SMS_SENDER === 'outbox' || EMAIL_SENDER === 'outbox')) {
      new Logger('NotificationsProcessor').warn(`SMS_SENDER=${SMS_SENDER}, EMAIL_SENDER=${EMAIL_SENDER}: messages through the outbox sender are only recorded, never sent`);
    }
  }

  async process(job: Job): Promise<string> {
    if (job.name !== 'notify') throw new UnrecoverableError(`notifications has no job named ${job.name}`);
    let notificationId: string;
    try {
      notificationId = parseJobPayload('notify', job.data).notificationId;
    } catch (error) {
      if (error instanceof MalformedJobError) throw new UnrecoverableError(error.message);
      throw error;
    }
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      return await this.delivery.deliver(notificationId, { finalAttempt });
    } catch (error) {
      if (error instanceof NotificationSendError && error.permanent) throw new UnrecoverableError(error.message);
      throw error;
    }
  }
}
