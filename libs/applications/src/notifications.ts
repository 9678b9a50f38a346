import { EntityManager } from 'typeorm';
import { ApplicationAction, ApplicationState, Effect } from '@onewindow/domain';
import { loadConfig } from '@onewindow/config';
import { ApplicationEntity, NotificationEntity } from '@onewindow/persistence';
import { QUEUES } from '@onewindow/queues';
import { Locale, translate } from '@onewindow/web';
import { enqueueJob } from './outbox';
import { serviceOf } from './service-of';

export interface NotificationInput {
  accountId?: string | null;
  applicationId?: string | null;
  channel: 'sms' | 'email';
  /** Phone number, e-mail address or staff username. */
  recipient: string;
  /** A stable name for the kind of message, e.g. `set-password`, `deadline-reminder`. */
  template: string;
  /** E-mail only: the subject line. */
  subject?: string | null;
  body: string;
}

/**
 * Records a message in the caller's transaction and queues its `notify` job through the outbox
 * (so both exist only if the transaction commits). The worker sends it once through the
 * channel's sender (notification-delivery.service.ts).
 */
export async function recordNotification(em: EntityManager, input: NotificationInput): Promise<NotificationEntity> {
  const row = await em.getRepository(NotificationEntity).save(
    em.getRepository(NotificationEntity).create({
      accountId: input.accountId ?? null,
      applicationId: input.applicationId ?? null,
      channel: input.channel,
      recipient: input.recipient,
      template: input.template,
      subject: input.channel === 'email' ? (input.subject ?? null) : null,
      body: input.body,
    }),
  );
  await enqueueJob(em, QUEUES.notifications, 'notify', { notificationId: row.id });
  return row;
}

export interface StateChange {
  action: ApplicationAction;
  from: ApplicationState;
  to: ApplicationState;
  effects: Iterable<Effect>;
}

/**
 * Which state changes the applicant is told of. The transition table marks them with
 * `notify_applicant`; two are folded into another message so that a person does not get two
 * texts seconds apart for one event:
 * - `precheck_pass` (submitted → awaiting acceptance) is the machine's check straight after
 *   `submit`/`resubmit`, whose message already says the window takes it next;
 * - `revoke` has its own message with the reason and the legal remedies (revocation.ts).
 * `seal` (awaiting seal → issuing) is not marked either: the worker issues within seconds and the
 * `issued` message follows. Withdrawing a draft is not told: it never left the applicant's hands.
 */
const FOLDED: ReadonlySet<ApplicationAction> = new Set<ApplicationAction>(['precheck_pass', 'revoke']);

export function isNotifiedChange(change: Pick<StateChange, 'action' | 'from' | 'effects'>): boolean {
  if (change.action === 'withdraw' && change.from === 'draft') return false;
  return [...change.effects].includes('notify_applicant') && !FOLDED.has(change.action);
}

/**
 * TransitionService's one call: for a state change the applicant sees, records the text message
 * to the account's phone (the file's contact phone if the account has none) and, when the account
 * has an e-mail address, the same words by e-mail with a subject line, in the transition's
 * transaction, worded from the message catalogue, and queues each. Accounts keep no language:
 * the page's switch is a cookie on one device, so messages are in zh-CN, the default.
 */
export async function notifyApplicantIn(em: EntityManager, app: ApplicationEntity, change: StateChange): Promise<NotificationEntity[]> {
  if (!isNotifiedChange(change)) return [];
  const locale: Locale = 'zh-CN';
  return messageApplicantIn(em, app, { template: `state-${change.action}`, body: stateChangeMessage(locale, app, change), subject: stateChangeSubject(locale, app, change) });
}

/**
 * Records one message to a file's applicant and queues it: a text to the account's phone (the
 * file's contact phone if the account has none) and, when the account has an e-mail address, the
 * same words by e-mail under `subject`. State changes, revocation, the seal-carving order and a
 * follow-up's answer all reach the applicant this way.
 */
export async function messageApplicantIn(
  em: EntityManager,
  file: Pick<ApplicationEntity, 'id' | 'ownerAccountId' | 'contactPhone'>,
  message: { template: string; body: string; subject: string },
): Promise<NotificationEntity[]> {
  const rows: Array<{ phone: string | null; email: string | null }> = await em.query('SELECT phone, email FROM accounts WHERE id = $1', [file.ownerAccountId]);
  const phone = rows[0]?.phone ?? file.contactPhone;
  const email = rows[0]?.email ?? null;
  const to = { accountId: file.ownerAccountId, applicationId: file.id, template: message.template, body: message.body };
  const sent: NotificationEntity[] = [];
  if (phone) sent.push(await recordNotification(em, { ...to, channel: 'sms', recipient: phone }));
  if (email) sent.push(await recordNotification(em, { ...to, channel: 'email', recipient: email, subject: message.subject }));
  return sent;
}

/** A message of the catalogue (`sms.<key>`, its subject `email.<key>_subject`) in zh-CN, signed. */
export function catalogueMessage(key: string, params: Record<string, string>): { body: string; subject: string } {
  const locale: Locale = 'zh-CN';
  const signature = translate(locale, 'sms.signature');
  return { body: translate(locale, `sms.${key}`, { signature, ...params }), subject: translate(locale, `email.${key}_subject`, { signature, ...params }) };
}

/** An e-mail's subject line for a state change: the service, the application number and the new state. */
export function stateChangeSubject(locale: Locale, app: Pick<ApplicationEntity, 'serviceCode' | 'number'>, change: Pick<StateChange, 'to'>): string {
  const service = serviceOf(app as ApplicationEntity);
  return translate(locale, 'email.state_subject', {
    signature: translate(locale, 'sms.signature'),
    service: locale === 'en' ? service.nameEn : service.name,
    number: app.number,
    state: translate(locale, `state.${change.to}`),
  });
}

/** The text of a state change's message: application number, the new state in words, what to do next, the link. */
export function stateChangeMessage(locale: Locale, app: Pick<ApplicationEntity, 'id' | 'number' | 'serviceCode' | 'dueAt'>, change: Pick<StateChange, 'action' | 'to'>): string {
  const service = serviceOf(app as ApplicationEntity);
  const due = change.action === 'accept' && app.dueAt ? formatDay(locale, app.dueAt) : null;
  const key = due ? 'sms.state.accept_due' : `sms.state.${change.action}`;
  return translate(locale, key, {
    signature: translate(locale, 'sms.signature'),
    service: locale === 'en' ? service.nameEn : service.name,
    number: app.number,
    state: translate(locale, `state.${change.to}`),
    due: due ?? '',
    link: applicationLink(app.id),
  });
}

function formatDay(locale: Locale, at: Date): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric' }).format(at);
}

let portalUrl: string | undefined;

/**
 * The file's page on the portal. The base comes from the same validated settings the apps
 * booted with (read once), so that TransitionService needs nothing new to be injected.
 */
export function applicationLink(applicationId: string): string {
  portalUrl ??= loadConfig().PORTAL_PUBLIC_URL.replace(/\/+$/, '');
  return `${portalUrl}/applications/${applicationId}`;
}
