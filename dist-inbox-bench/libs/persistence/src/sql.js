"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.queryReturning = queryReturning;
async function queryReturning(db, sql, params) {
    const result = await db.query(sql, params);
    if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
        return result[0];
    }
    return result;
}
