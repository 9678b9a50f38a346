"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AMOUNT_MAX_DECIMALS = void 0;
exports.amountToTenThousandths = amountToTenThousandths;
exports.formatTenThousandths = formatTenThousandths;
exports.AMOUNT_MAX_DECIMALS = 4;
const UNITS_PER_WAN = 10n ** BigInt(exports.AMOUNT_MAX_DECIMALS);
const PLAIN_DECIMAL = new RegExp(`^([0-9]+)(?:\\.([0-9]{1,${exports.AMOUNT_MAX_DECIMALS}}))?$`);
function amountToTenThousandths(amount) {
    if (typeof amount !== 'string')
        return null;
    const match = PLAIN_DECIMAL.exec(amount);
    if (!match)
        return null;
    const fraction = (match[2] ?? '').padEnd(exports.AMOUNT_MAX_DECIMALS, '0');
    return BigInt(match[1]) * UNITS_PER_WAN + BigInt(fraction);
}
function formatTenThousandths(units) {
    const sign = units < 0n ? '-' : '';
    const magnitude = units < 0n ? -units : units;
    const whole = (magnitude / UNITS_PER_WAN).toString();
    const fraction = (magnitude % UNITS_PER_WAN).toString().padStart(exports.AMOUNT_MAX_DECIMALS, '0').replace(/0+$/, '');
    return sign + whole + (fraction ? `.${fraction}` : '');
}
