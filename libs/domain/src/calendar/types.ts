/**
 * A time limit as the catalogue states it. Named `TimeLimit` (not `Limit`) so that
 * `export *` of calendar and catalogue from the domain index cannot clash.
 */
export type TimeLimitUnit = 'working' | 'calendar';
export type TimeLimit = { days: number; unit: TimeLimitUnit };

/** A stretch of time during which the clock stood still; `to: null` means it is still open. */
export type PauseInterval = { from: Date; to: Date | null };

/** A pause that has ended: reminders are only ever scheduled while the clock runs. */
export type ClosedInterval = { from: Date; to: Date };
