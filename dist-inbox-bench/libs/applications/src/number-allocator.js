"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nextNumber = nextNumber;
async function nextNumber(em, scope) {
    const [row] = await em.query(`INSERT INTO number_counters (scope, value) VALUES ($1, 1)
     ON CONFLICT (scope) DO UPDATE SET value = number_counters.value + 1
     RETURNING value`, [scope]);
    return Number(row.value);
}
