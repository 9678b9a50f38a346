"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.enqueueJob = enqueueJob;
const queues_1 = require("../../queues/src/index.js");
async function enqueueJob(em, queue, jobName, payload) {
    await em.query('INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3)', [queue, jobName, JSON.stringify(payload)]);
    await em.query(`SELECT pg_notify('${queues_1.OUTBOX_CHANNEL}', '')`);
}
