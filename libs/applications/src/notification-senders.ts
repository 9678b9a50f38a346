import type { AppConfig } from '@onewindow/config';

/** One recorded message on its way out (a `notifications` row). */
export interface OutgoingMessage {
  /** The row's id: the same on every retry, so a gateway can drop a repeat. */
  id: string;
  channel: 'sms' | 'email';
  /** Mobile number or e-mail address. */
  to: string;
  template: string;
  /** An e-mail's subject line; absent for text messages. */
  subject?: string;
  body: string;
  applicationId: string | null;
}

/** Sends text messages. Resolves when the gateway took the message; throws NotificationSendError otherwise. */
export interface SmsSender {
  readonly kind: string;
  sendSms(message: OutgoingMessage): Promise<void>;
}

/** Sends e-mail (`subject` is always set), under the same contract as SmsSender. */
export interface EmailSender {
  readonly kind: string;
  sendEmail(message: OutgoingMessage): Promise<void>;
}

/** A send that failed; `permanent` when trying again cannot help (the job is not retried). */
export class NotificationSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'NotificationSendError';
  }
}

/**
 * Development and demos: nothing leaves the machine. Taking the message is all it does, so the
 * row is marked sent and the /dev/outbox page shows it as the message that would have gone out.
 */
export class OutboxSender implements SmsSender, EmailSender {
  readonly kind = 'outbox';

  async sendSms(): Promise<void> {}

  async sendEmail(): Promise<void> {}
}

/**
 * POSTs each message as JSON to a URL (an adapter in front of the SMS or mail gateway), with an
 * `Idempotency-Key` header of the row's id. A 2xx answer is success; no answer within the
 * timeout, a 5xx, 408 or 429 fail for now (the job retries with backoff); any other answer fails
 * for good, as sending the same request again would be refused again.
 */
export class WebhookSender implements SmsSender, EmailSender {
  readonly kind = 'webhook';

  constructor(
    private readonly url: string,
    private readonly timeoutMs: number,
  ) {}

  sendSms(message: OutgoingMessage): Promise<void> {
    return this.post(message);
  }

  sendEmail(message: OutgoingMessage): Promise<void> {
    return this.post(message);
  }

  private async post(message: OutgoingMessage): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      // Duck-typed: the abort is a DOMException, which need not be an Error of this realm.
      const failure = error as { name?: string; message?: string; cause?: { message?: string } } | null;
      const timedOut = failure?.name === 'TimeoutError' || failure?.name === 'AbortError';
      const cause = failure?.cause?.message ?? failure?.message ?? String(error);
      throw new NotificationSendError(timedOut ? `webhook: no answer within ${this.timeoutMs} ms` : `webhook unreachable: ${cause}`, false);
    }
    // The answer's body means nothing to us; read it so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return;
    const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
    throw new NotificationSendError(`webhook answered HTTP ${response.status}`, !retryable);
  }
}

/** The senders the settings choose (SMS_SENDER, EMAIL_SENDER and their webhook URLs, validated at boot). */
export function sendersFrom(config: Pick<AppConfig, 'SMS_SENDER' | 'SMS_WEBHOOK_URL' | 'EMAIL_SENDER' | 'EMAIL_WEBHOOK_URL' | 'NOTIFY_WEBHOOK_TIMEOUT_MS'>): {
  sms: SmsSender;
  email: EmailSender;
} {
  const outbox = new OutboxSender();
  return {
    sms: config.SMS_SENDER === 'webhook' ? new WebhookSender(config.SMS_WEBHOOK_URL, config.NOTIFY_WEBHOOK_TIMEOUT_MS) : outbox,
    email: config.EMAIL_SENDER === 'webhook' ? new WebhookSender(config.EMAIL_WEBHOOK_URL, config.NOTIFY_WEBHOOK_TIMEOUT_MS) : outbox,
  };
}
