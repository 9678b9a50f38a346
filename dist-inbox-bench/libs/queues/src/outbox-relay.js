"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxRelay = exports.OUTBOX_CHANNEL = void 0;
const pg_1 = require("pg");
const job_payloads_1 = require("./job-payloads");
exports.OUTBOX_CHANNEL = 'onewindow_outbox';
class OutboxRelay {
    dataSource;
    queueFor;
    options;
    listener = null;
    timer = null;
    draining = null;
    again = false;
    stopped = false;
    constructor(dataSource, queueFor, options) {
        this.dataSource = dataSource;
        this.queueFor = queueFor;
        this.options = options;
    }
    async start() {
        this.stopped = false;
        this.listener = new pg_1.Client({ connectionString: this.options.listenUrl, connectionTimeoutMillis: 5000 });
        this.listener.on('notification', () => this.wake());
        this.listener.on('error', (error) => this.options.onError?.(error));
        await this.listener.connect();
        await this.listener.query(`LISTEN ${exports.OUTBOX_CHANNEL}`);
        this.timer = setInterval(() => this.wake(), this.options.pollMs ?? 2000);
        this.wake();
    }
    async stop() {
        this.stopped = true;
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
        await this.draining;
        await this.listener?.end().catch(() => undefined);
        this.listener = null;
    }
    wake() {
        if (this.stopped)
            return Promise.resolve();
        if (this.draining) {
            this.again = true;
            return this.draining;
        }
        this.draining = (async () => {
            try {
                do {
                    this.again = false;
                    while (!this.stopped && (await this.sendBatch()) === (this.options.batchSize ?? 100))
                        ;
                } while (this.again && !this.stopped);
            }
            catch (error) {
                this.options.onError?.(error);
            }
            finally {
                this.draining = null;
            }
        })();
        return this.draining;
    }
    async sendBatch() {
        const batchSize = this.options.batchSize ?? 100;
        return this.dataSource.transaction(async (em) => {
            const rows = await em.query('SELECT id, queue, job_name, payload FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED', [batchSize]);
            if (rows.length === 0)
                return 0;
            await Promise.all(rows.map((row) => this.queueFor(row.queue).add(row.job_name, row.payload, { ...job_payloads_1.DEFAULT_JOB_OPTIONS, jobId: (0, job_payloads_1.outboxJobId)(row.id), ...(0, job_payloads_1.jobOptionsOf)(row.job_name, row.payload) })));
            await em.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
            return rows.length;
        });
    }
}
exports.OutboxRelay = OutboxRelay;
