"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.formatChineseDate = formatChineseDate;
exports.amountInChineseCapital = amountInChineseCapital;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function formatChineseDate(isoDate) {
    const match = ISO_DATE.exec(isoDate);
    if (!match)
        throw new RangeError(`formatChineseDate: "${isoDate}" is not YYYY-MM-DD`);
    const [, year, month, day] = match;
    const m = Number(month);
    const d = Number(day);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        throw new RangeError(`formatChineseDate: "${isoDate}" is not a date`);
    return `${year}年${m}月${d}日`;
}
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿'];
const AMOUNT = /^(\d+)(?:\.(\d{1,6}))?$/;
function amountInChineseCapital(amount, unit = '万元') {
    const text = typeof amount === 'number' ? numberToPlainString(amount) : amount.trim().replace(/,/g, '');
    const match = AMOUNT.exec(text);
    if (!match)
        throw new RangeError(`amountInChineseCapital: "${amount}" is not a non-negative decimal amount`);
    const fenPerUnit = unit === '万元' ? 1000000n : 100n;
    const fractionDigits = (match[2] ?? '').padEnd(6, '0');
    const micros = BigInt(match[1]) * 1000000n + BigInt(fractionDigits);
    const fen = (micros * fenPerUnit + 500000n) / 1000000n;
    const yuan = fen / 100n;
    const jiao = Number((fen / 10n) % 10n);
    const fenDigit = Number(fen % 10n);
    if (yuan >= 1000000000000n)
        throw new RangeError('amountInChineseCapital: amounts from 1 万亿元 up are not supported');
    let result = yuan > 0n ? `${integerInCapital(yuan.toString())}元` : '';
    if (jiao === 0 && fenDigit === 0)
        return `${result || '零元'}整`;
    if (jiao > 0)
        result += `${DIGITS[jiao]}角`;
    else if (result)
        result += '零';
    if (fenDigit > 0)
        result += `${DIGITS[fenDigit]}分`;
    return result;
}
function integerInCapital(digits) {
    let out = '';
    let pendingZero = false;
    for (let i = 0; i < digits.length; i++) {
        const power = digits.length - 1 - i;
        const digit = Number(digits[i]);
        if (digit === 0) {
            pendingZero = out.length > 0;
        }
        else {
            if (pendingZero)
                out += '零';
            pendingZero = false;
            out += DIGITS[digit] + UNITS[power % 4];
        }
        if (power % 4 === 0 && power > 0) {
            const group = digits.slice(Math.max(0, i - 3), i + 1);
            if (/[1-9]/.test(group))
                out += SECTIONS[power / 4];
        }
    }
    return out;
}
function numberToPlainString(value) {
    if (!Number.isFinite(value) || value < 0)
        throw new RangeError(`amountInChineseCapital: ${value} is not a non-negative amount`);
    return value.toFixed(6).replace(/\.?0+$/, '');
}
