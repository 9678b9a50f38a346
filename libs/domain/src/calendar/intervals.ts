/** Interval helpers shared by the calendar and the clock; internal to this folder. */
import type { PauseInterval } from './types';

/** Pause intervals as [from, to] milliseconds, open ones closed at `now`; a pause that ends before it begins is an error. */
export function closePauses(pauses: readonly PauseInterval[], now: Date): Array<[number, number]> {
  const closed: Array<[number, number]> = [];
  for (const pause of pauses) {
    const from = pause.from.getTime();
    const to = (pause.to ?? now).getTime();
    if (Number.isNaN(from) || Number.isNaN(to)) throw new RangeError('pause with an invalid instant');
    if (pause.to && to < from) throw new RangeError(`pause ends before it begins: ${pause.from.toISOString()} → ${pause.to.toISOString()}`);
    if (to > from) closed.push([from, to]);
  }
  return closed;
}

/** Sorted, non-overlapping intervals covering the same time. */
export function mergeIntervals(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
