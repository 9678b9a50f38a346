import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarDay, CalendarDayKind, isLocalDate, WorkingCalendar } from '@onewindow/domain';
import { NotFoundError, TransitionRefusedError, ValidationFailedError } from '@onewindow/domain/errors';
import { AppConfig } from '@onewindow/config';
import { queryReturning } from '@onewindow/persistence';
import { QUEUES } from '@onewindow/queues';
import { bureauCalendar, useBureauCalendar } from './application-clock';
import { appendAuditEvent } from './audit-log';
import { enqueueJob } from './outbox';
import type { StaffAccount } from './staff-workflow.service';

/** NOTIFY channel on which a calendar change tells every process to reload. */
export const CALENDAR_CHANNEL = 'onewindow_calendar';
/** Safety net for a missed notification (a listener reconnecting): reload at least this often. */
const RELOAD_EVERY_MS = 60_000;

export interface CalendarYear {
  year: number;
  /** True until an administrator has entered the year's arrangement (or while it has no days at all). */
  provisional: boolean;
  days: Array<{ date: string; kind: CalendarDayKind; name: string; provisional: boolean }>;
}

interface DayRow {
  date: string;
  kind: CalendarDayKind;
  name: string;
  provisional: boolean;
}

/**
 * The bureau's working-day calendar, from the calendar_days table an administrator maintains.
 * Held in memory and readable synchronously (`current`); a change reloads it in this process at
 * once and in every other process through LISTEN/NOTIFY, with a one-minute poll behind that.
 *
 * Provisional years: the seed holds only the fixed-date holidays of a year whose arrangement the
 * State Council has not published yet, marked provisional. The first day an administrator sets
 * or deletes in a year means the arrangement is being entered: every day of that year is then
 * marked final, and the year stops being reported as provisional.
 */
@Injectable()
export class CalendarService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('CalendarService');
  private calendar: WorkingCalendar = bureauCalendar();
  private listener: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Loads may overlap (a notification during a poll); only a newer one replaces the calendar. */
  private loadsStarted = 0;
  private loadApplied = 0;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** The calendar as last loaded (the seed before the module has started). */
  get current(): WorkingCalendar {
    return this.calendar;
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    await this.listen().catch((error) => this.logger.warn(`calendar changes are polled only: ${messageOf(error)}`));
    this.timer = setInterval(() => void this.tick(), RELOAD_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /** Reads calendar_days afresh and makes it the calendar of this process. */
  async reload(): Promise<WorkingCalendar> {
    const ticket = ++this.loadsStarted;
    const rows: DayRow[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, provisional FROM calendar_days ORDER BY date`,
    );
    const calendar = new WorkingCalendar(rows.map(toCalendarDay), this.calendar.officeHours);
    if (ticket > this.loadApplied) {
      this.loadApplied = ticket;
      this.calendar = calendar;
      useBureauCalendar(calendar);
    }
    return this.calendar;
  }

  /** The administrator's view of one year: the listed days and whether the year is still provisional. */
  async year(year: number): Promise<CalendarYear> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationFailedError({ year: 'fields.invalid' });
    const rows: DayRow[] = await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, provisional FROM calendar_days
        WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`,
      [year],
    );
    return {
      year,
      provisional: rows.length === 0 || rows.some((r) => r.provisional),
      days: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, provisional: r.provisional })),
    };
  }

  /** Sets one day: a holiday (day off) or a make-up working day (调休上班, only on a weekend). */
  async setDay(admin: StaffAccount, date: string, input: { kind: CalendarDayKind; name: string }): Promise<DayRow> {
    assertDate(date);
    const name = input.name.trim();
    if (!name) throw new ValidationFailedError({ name: 'fields.required' });
    if (input.kind === 'workday') {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      // A weekday is a working day already; a make-up day only means something on a weekend.
      if (weekday !== 0 && weekday !== 6) throw new TransitionRefusedError('makeup_day_not_weekend');
    }
    await this.dataSource.transaction(async (em) => {
      const [previous]: DayRow[] = await em.query(`SELECT kind, name, provisional FROM calendar_days WHERE date = $1 FOR UPDATE`, [date]);
      const yearConfirmed = await confirmYear(em, date);
      await em.query(
        `INSERT INTO calendar_days (date, kind, name, provisional) VALUES ($1, $2, $3, false)
         ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, provisional = false`,
        [date, input.kind, name],
      );
      await this.recordChange(em, admin, 'calendar_day_set', date, {
        kind: input.kind,
        name,
        previous: previous ? { kind: previous.kind, name: previous.name } : null,
        ...yearConfirmed,
      });
    });
    await this.reload();
    return { date, kind: input.kind, name, provisional: false };
  }

  /** Removes a listed day: the date then follows the week again. */
  async deleteDay(admin: StaffAccount, date: string): Promise<void> {
    assertDate(date);
    await this.dataSource.transaction(async (em) => {
      const [previous]: DayRow[] = await em.query(`SELECT kind, name FROM calendar_days WHERE date = $1 FOR UPDATE`, [date]);
      if (!previous) throw new NotFoundError();
      const yearConfirmed = await confirmYear(em, date);
      await em.query(`DELETE FROM calendar_days WHERE date = $1`, [date]);
      await this.recordChange(em, admin, 'calendar_day_deleted', date, { previous: { kind: previous.kind, name: previous.name }, ...yearConfirmed });
    });
    await this.reload();
  }

  /** In the change's transaction: an audit event, a reload signal and the due-time recomputation. */
  private async recordChange(em: EntityManager, admin: StaffAccount, action: string, date: string, data: Record<string, unknown>): Promise<void> {
    await appendAuditEvent(em, { applicationId: null, actor: admin, action, data: { date, ...data } });
    await em.query(`SELECT pg_notify('${CALENDAR_CHANNEL}', $1)`, [date]);
    await enqueueJob(em, QUEUES.deadlines, 'recompute-due', { fromDate: date });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.DATABASE_URL, connectionTimeoutMillis: 5000 });
    client.on('notification', () => void this.tick());
    client.on('error', (error) => {
      this.logger.warn(`calendar listener lost (${messageOf(error)}); polling until it is back`);
      if (this.listener === client) this.listener = null;
      void client.end().catch(() => undefined);
    });
    await client.connect();
    await client.query(`LISTEN ${CALENDAR_CHANNEL}`);
    if (this.stopped) {
      await client.end();
      return;
    }
    this.listener = client;
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.reload();
      if (!this.listener) await this.listen();
    } catch (error) {
      this.logger.warn(`calendar reload failed: ${messageOf(error)}`);
    }
  }
}

/** An administrator entering a day of a year enters its arrangement: the year's days stop being provisional. */
async function confirmYear(em: EntityManager, date: string): Promise<{ yearConfirmed?: number }> {
  const year = Number(date.slice(0, 4));
  const confirmed = await queryReturning<{ date: string }>(
    em,
    `UPDATE calendar_days SET provisional = false WHERE provisional AND date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) RETURNING date`,
    [year],
  );
  return confirmed.length > 0 ? { yearConfirmed: year } : {};
}

function toCalendarDay(row: DayRow): CalendarDay {
  return { date: row.date, kind: row.kind, name: row.name, ...(row.provisional ? { provisional: true } : {}) };
}

function assertDate(date: string): void {
  if (!isLocalDate(date)) throw new ValidationFailedError({ date: 'fields.invalid' });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
