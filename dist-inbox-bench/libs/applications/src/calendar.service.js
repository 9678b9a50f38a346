"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.CalendarService = exports.CALENDAR_CHANNEL = void 0;
const common_1 = require("@nestjs/common");
const pg_1 = require("pg");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../domain/src/index.js");
const errors_1 = require("../../domain/src/errors.js");
const config_1 = require("../../config/src/index.js");
const persistence_1 = require("../../persistence/src/index.js");
const queues_1 = require("../../queues/src/index.js");
const application_clock_1 = require("./application-clock");
const audit_log_1 = require("./audit-log");
const outbox_1 = require("./outbox");
exports.CALENDAR_CHANNEL = 'onewindow_calendar';
const RELOAD_EVERY_MS = 60_000;
let CalendarService = class CalendarService {
    dataSource;
    config;
    logger = new common_1.Logger('CalendarService');
    calendar = (0, application_clock_1.bureauCalendar)();
    listener = null;
    timer = null;
    loadsStarted = 0;
    loadApplied = 0;
    stopped = false;
    constructor(dataSource, config) {
        this.dataSource = dataSource;
        this.config = config;
    }
    get current() {
        return this.calendar;
    }
    async onModuleInit() {
        await this.reload();
        await this.listen().catch((error) => this.logger.warn(`calendar changes are polled only: ${messageOf(error)}`));
        this.timer = setInterval(() => void this.tick(), RELOAD_EVERY_MS);
        this.timer.unref();
    }
    async onModuleDestroy() {
        this.stopped = true;
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
        await this.listener?.end().catch(() => undefined);
        this.listener = null;
    }
    async reload() {
        const ticket = ++this.loadsStarted;
        const rows = await this.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, provisional FROM calendar_days ORDER BY date`);
        const calendar = new domain_1.WorkingCalendar(rows.map(toCalendarDay), this.calendar.officeHours);
        if (ticket > this.loadApplied) {
            this.loadApplied = ticket;
            this.calendar = calendar;
            (0, application_clock_1.useBureauCalendar)(calendar);
        }
        return this.calendar;
    }
    async year(year) {
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
            throw new errors_1.ValidationFailedError({ year: 'fields.invalid' });
        const rows = await this.dataSource.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name, provisional FROM calendar_days
        WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`, [year]);
        return {
            year,
            provisional: rows.length === 0 || rows.some((r) => r.provisional),
            days: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, provisional: r.provisional })),
        };
    }
    async setDay(admin, date, input) {
        assertDate(date);
        const name = input.name.trim();
        if (!name)
            throw new errors_1.ValidationFailedError({ name: 'fields.required' });
        if (input.kind === 'workday') {
            const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
            if (weekday !== 0 && weekday !== 6)
                throw new errors_1.TransitionRefusedError('makeup_day_not_weekend');
        }
        await this.dataSource.transaction(async (em) => {
            const [previous] = await em.query(`SELECT kind, name, provisional FROM calendar_days WHERE date = $1 FOR UPDATE`, [date]);
            const yearConfirmed = await confirmYear(em, date);
            await em.query(`INSERT INTO calendar_days (date, kind, name, provisional) VALUES ($1, $2, $3, false)
         ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, provisional = false`, [date, input.kind, name]);
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
    async deleteDay(admin, date) {
        assertDate(date);
        await this.dataSource.transaction(async (em) => {
            const [previous] = await em.query(`SELECT kind, name FROM calendar_days WHERE date = $1 FOR UPDATE`, [date]);
            if (!previous)
                throw new errors_1.NotFoundError();
            const yearConfirmed = await confirmYear(em, date);
            await em.query(`DELETE FROM calendar_days WHERE date = $1`, [date]);
            await this.recordChange(em, admin, 'calendar_day_deleted', date, { previous: { kind: previous.kind, name: previous.name }, ...yearConfirmed });
        });
        await this.reload();
    }
    async recordChange(em, admin, action, date, data) {
        await (0, audit_log_1.appendAuditEvent)(em, { applicationId: null, actor: admin, action, data: { date, ...data } });
        await em.query(`SELECT pg_notify('${exports.CALENDAR_CHANNEL}', $1)`, [date]);
        await (0, outbox_1.enqueueJob)(em, queues_1.QUEUES.deadlines, 'recompute-due', { fromDate: date });
    }
    async listen() {
        const client = new pg_1.Client({ connectionString: this.config.DATABASE_URL, connectionTimeoutMillis: 5000 });
        client.on('notification', () => void this.tick());
        client.on('error', (error) => {
            this.logger.warn(`calendar listener lost (${messageOf(error)}); polling until it is back`);
            if (this.listener === client)
                this.listener = null;
            void client.end().catch(() => undefined);
        });
        await client.connect();
        await client.query(`LISTEN ${exports.CALENDAR_CHANNEL}`);
        if (this.stopped) {
            await client.end();
            return;
        }
        this.listener = client;
    }
    async tick() {
        if (this.stopped)
            return;
        try {
            await this.reload();
            if (!this.listener)
                await this.listen();
        }
        catch (error) {
            this.logger.warn(`calendar reload failed: ${messageOf(error)}`);
        }
    }
};
exports.CalendarService = CalendarService;
exports.CalendarService = CalendarService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        config_1.AppConfig])
], CalendarService);
async function confirmYear(em, date) {
    const year = Number(date.slice(0, 4));
    const confirmed = await (0, persistence_1.queryReturning)(em, `UPDATE calendar_days SET provisional = false WHERE provisional AND date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) RETURNING date`, [year]);
    return confirmed.length > 0 ? { yearConfirmed: year } : {};
}
function toCalendarDay(row) {
    return { date: row.date, kind: row.kind, name: row.name, ...(row.provisional ? { provisional: true } : {}) };
}
function assertDate(date) {
    if (!(0, domain_1.isLocalDate)(date))
        throw new errors_1.ValidationFailedError({ date: 'fields.invalid' });
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
