"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_JOB_OPTIONS = exports.MalformedJobError = exports.JOB_QUEUES = exports.DEADLINE_KINDS = void 0;
exports.deadlineJobId = deadlineJobId;
exports.jobOptionsOf = jobOptionsOf;
exports.outboxJobId = outboxJobId;
exports.parseJobPayload = parseJobPayload;
const queue_names_1 = require("./queue-names");
exports.DEADLINE_KINDS = ['remind50', 'remind80', 'escalate'];
function deadlineJobId(job) {
    return `deadline-${job.applicationId}-${job.kind}-${job.dueAt}`;
}
function jobOptionsOf(name, payload, now = Date.now()) {
    if (name !== 'remind' && name !== 'escalate')
        return {};
    try {
        const job = parseJobPayload(name, payload);
        return { jobId: deadlineJobId(job), delay: Math.max(0, job.fireAt - now) };
    }
    catch {
        return {};
    }
}
exports.JOB_QUEUES = {
    precheck: [queue_names_1.QUEUES.businessLicense, queue_names_1.QUEUES.foodPermit, queue_names_1.QUEUES.planningPermit, queue_names_1.QUEUES.socialOrg],
    issue: [queue_names_1.QUEUES.issuance],
    'audit-digest': [queue_names_1.QUEUES.maintenance],
    'render-notice': [queue_names_1.QUEUES.documents],
    'open-seal-order': [queue_names_1.QUEUES.sealCarving],
    reconcile: [queue_names_1.QUEUES.maintenance],
    remind: [queue_names_1.QUEUES.deadlines],
    escalate: [queue_names_1.QUEUES.deadlines],
    'release-idle-claims': [queue_names_1.QUEUES.deadlines],
    'recompute-due': [queue_names_1.QUEUES.deadlines],
    'monthly-report': [queue_names_1.QUEUES.reports],
    'daily-stats': [queue_names_1.QUEUES.reports],
};
function outboxJobId(outboxRowId) {
    return `outbox-${outboxRowId}`;
}
class MalformedJobError extends Error {
}
exports.MalformedJobError = MalformedJobError;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function parseJobPayload(name, data) {
    const record = data;
    if (typeof record !== 'object' || record === null)
        throw new MalformedJobError(`${name}: payload is not an object`);
    switch (name) {
        case 'precheck':
        case 'issue':
        case 'open-seal-order':
            if (typeof record.applicationId !== 'string' || !UUID.test(record.applicationId)) {
                throw new MalformedJobError(`${name}: applicationId must be a UUID`);
            }
            return { applicationId: record.applicationId };
        case 'reconcile':
            return {};
        case 'monthly-report': {
            const { month, requestedBy } = record;
            if (month !== undefined && (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)))
                throw new MalformedJobError(`${name}: month must be YYYY-MM`);
            if (requestedBy !== undefined && typeof requestedBy !== 'string')
                throw new MalformedJobError(`${name}: requestedBy must be a string`);
            return { ...(month !== undefined ? { month } : {}), ...(requestedBy !== undefined ? { requestedBy } : {}) };
        }
        case 'daily-stats':
            if (record.day === undefined)
                return {};
            if (typeof record.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(record.day))
                throw new MalformedJobError(`${name}: day must be YYYY-MM-DD`);
            return { day: record.day };
        case 'render-notice':
            if (typeof record.noticeId !== 'string' || !UUID.test(record.noticeId))
                throw new MalformedJobError(`${name}: noticeId must be a UUID`);
            return { noticeId: record.noticeId };
        case 'remind':
        case 'escalate': {
            const { applicationId, kind, dueAt, fireAt } = record;
            if (typeof applicationId !== 'string' || !UUID.test(applicationId))
                throw new MalformedJobError(`${name}: applicationId must be a UUID`);
            if (typeof kind !== 'string' || !exports.DEADLINE_KINDS.includes(kind))
                throw new MalformedJobError(`${name}: unknown kind`);
            if ((name === 'escalate') !== (kind === 'escalate'))
                throw new MalformedJobError(`${name}: kind ${kind} belongs to the other job`);
            if (!Number.isSafeInteger(dueAt) || !Number.isSafeInteger(fireAt))
                throw new MalformedJobError(`${name}: dueAt and fireAt must be whole numbers`);
            return { applicationId, kind, dueAt, fireAt };
        }
        case 'release-idle-claims':
            return {};
        case 'recompute-due':
            if (typeof record.fromDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(record.fromDate)) {
                throw new MalformedJobError(`${name}: fromDate must be YYYY-MM-DD`);
            }
            return { fromDate: record.fromDate };
        case 'audit-digest':
            if (record.day === undefined)
                return {};
            if (typeof record.day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(record.day)) {
                throw new MalformedJobError(`${name}: day must be YYYY-MM-DD`);
            }
            return { day: record.day };
        default:
            throw new MalformedJobError(`unknown job ${String(name)}`);
    }
}
exports.DEFAULT_JOB_OPTIONS = {
    attempts: 6,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 30 * 24 * 3600, count: 50_000 },
};
