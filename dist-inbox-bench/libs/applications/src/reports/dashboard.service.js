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
exports.DashboardService = exports.OPEN_STATES = void 0;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("typeorm");
const domain_1 = require("../../../domain/src/index.js");
const calendar_service_1 = require("../calendar.service");
const period_1 = require("./period");
const stats_1 = require("./stats");
exports.OPEN_STATES = ['submitted', 'correction_required', 'awaiting_acceptance', 'under_review', 'awaiting_seal', 'issuing'];
const RUNNING_BEFORE_ACCEPTANCE = ['submitted', 'awaiting_acceptance'];
const TREND_DAYS = 30;
const OFFICE_HOURS_PER_DAY = 7;
const HOUR = 3_600_000;
function nominalOfficeMillis(limit) {
    const workingDays = limit.unit === 'working' ? limit.days : (limit.days * 5) / 7;
    return workingDays * OFFICE_HOURS_PER_DAY * HOUR;
}
let DashboardService = class DashboardService {
    dataSource;
    calendars;
    constructor(dataSource, calendars) {
        this.dataSource = dataSource;
        this.calendars = calendars;
    }
    async get(now = new Date()) {
        const calendar = this.calendars.current;
        const today = (0, domain_1.shanghaiLocalDate)(now);
        const first = (0, period_1.addDays)(today, -TREND_DAYS);
        const [counters, clock, daily] = await Promise.all([
            this.dataSource.query(`SELECT service_code, state, count::int AS count FROM queue_counters WHERE count <> 0`),
            this.clockCounts(calendar, now),
            this.dataSource.query(`SELECT to_char(day, 'YYYY-MM-DD') AS day, sum(submitted)::int AS submitted, sum(issued)::int AS issued,
                sum(decided)::int AS decided, sum(decided_on_time)::int AS decided_on_time
           FROM daily_service_stats WHERE day >= $1 AND day <= $2 GROUP BY day`, [first, today]),
        ]);
        const queueTotals = Object.fromEntries(exports.OPEN_STATES.map((s) => [s, 0]));
        const queue = domain_1.SERVICES.map((service) => {
            const states = Object.fromEntries(exports.OPEN_STATES.map((s) => [s, 0]));
            for (const row of counters) {
                if (row.service_code === service.code && row.state in states) {
                    states[row.state] = row.count;
                    queueTotals[row.state] += row.count;
                }
            }
            return { serviceCode: service.code, serviceName: service.name, open: Object.values(states).reduce((a, b) => a + b, 0), states };
        });
        const byDay = new Map(daily.map((d) => [d.day, d]));
        const submissions = [];
        let decided = 0;
        let decidedOnTime = 0;
        for (let day = (0, period_1.addDays)(first, 1); day <= today; day = (0, period_1.addDays)(day, 1)) {
            const row = byDay.get(day);
            submissions.push({ date: day, submitted: row?.submitted ?? 0, issued: row?.issued ?? 0 });
        }
        for (const row of daily) {
            if (row.day >= first && row.day < today) {
                decided += row.decided;
                decidedOnTime += row.decided_on_time;
            }
        }
        return {
            asOf: (0, domain_1.toShanghaiIso)(now),
            queue,
            queueTotals,
            clock,
            onTime: { from: first, to: (0, period_1.addDays)(today, -1), decided, decidedOnTime, rate: (0, stats_1.rateOf)(decidedOnTime, decided) },
            submissions,
        };
    }
    async clockCounts(calendar, now) {
        const redBefore = (limit) => calendar.addOfficeMillis(now, (1 - domain_1.CLOCK_THRESHOLDS.red) * nominalOfficeMillis(limit));
        const thresholds = domain_1.SERVICES.flatMap((s) => [
            { service: s.code, state: 'before', green: false, until: redBefore(domain_1.ACCEPTANCE_TIME_LIMIT) },
            { service: s.code, state: 'under_review', green: false, until: redBefore(s.promisedLimit) },
            { service: s.code, state: 'under_review', green: true, until: redBefore(s.greenChannelPromisedLimit) },
        ]);
        const latest = new Date(Math.max(...thresholds.map((t) => t.until.getTime())));
        const rows = await this.dataSource.query(`SELECT service_code, state, green_channel, due_at FROM applications
        WHERE state = ANY($1::text[]) AND green_channel = ANY('{true,false}'::boolean[]) AND due_at >= $2 AND due_at <= $3`, [[...RUNNING_BEFORE_ACCEPTANCE, 'under_review'], now, latest]);
        const overdue = await this.dataSource.query(`SELECT service_code, count(*)::int AS count FROM applications
        WHERE state = ANY($1::text[]) AND green_channel = ANY('{true,false}'::boolean[]) AND due_at < $2
        GROUP BY service_code`, [[...RUNNING_BEFORE_ACCEPTANCE, 'under_review'], now]);
        const byService = new Map(domain_1.SERVICES.map((s) => [s.code, { serviceCode: s.code, red: 0, overdue: 0 }]));
        for (const row of rows) {
            const kind = row.state === 'under_review' ? 'under_review' : 'before';
            const threshold = thresholds.find((t) => t.service === row.service_code && t.state === kind && (kind === 'before' || t.green === row.green_channel));
            if (threshold && row.due_at.getTime() <= threshold.until.getTime())
                byService.get(row.service_code).red++;
        }
        for (const row of overdue) {
            const entry = byService.get(row.service_code);
            if (entry)
                entry.overdue = row.count;
        }
        const list = [...byService.values()];
        return { red: list.reduce((a, s) => a + s.red, 0), overdue: list.reduce((a, s) => a + s.overdue, 0), byService: list };
    }
};
exports.DashboardService = DashboardService;
exports.DashboardService = DashboardService = __decorate([
    (0, common_1.Injectable)(),
    __metadata("design:paramtypes", [typeorm_1.DataSource,
        calendar_service_1.CalendarService])
], DashboardService);
