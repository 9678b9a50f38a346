/**
 * Personal data (个人信息) that must never appear whole in a log line: resident ID numbers and
 * mainland mobile numbers, found anywhere in free text (messages, stacks, SQL errors, URLs).
 * Shapes only, no checksum: a false positive in a log costs nothing, a miss leaks a person.
 */
const RESIDENT_ID_IN_TEXT = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<![0-9A-Za-z])((?:\+?86[- ]?)?1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;

/** The text with every ID number shown as `1101**********002X` and every mobile as `138****0000`. */
export function maskPersonalData(text: string): string {
  return text
    .replace(RESIDENT_ID_IN_TEXT, (_, head: string, tail: string) => `${head.slice(0, 4)}**********${tail.slice(-4).toUpperCase()}`)
    .replace(MOBILE_IN_TEXT, (_, head: string, tail: string) => `${head}****${tail}`);
}
