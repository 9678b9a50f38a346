"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FORM_SCHEMA_CONVERTERS = exports.ENTITY_NAME_MAX_LENGTH = exports.COMPLETE_FORM_GROUP = void 0;
exports.encodeProblem = encodeProblem;
exports.decodeProblem = decodeProblem;
exports.IsUscc = IsUscc;
exports.IsResidentId = IsResidentId;
exports.IsMainlandMobile = IsMainlandMobile;
exports.IsEntityName = IsEntityName;
exports.IsDecimalAmount = IsDecimalAmount;
exports.IsArea = IsArea;
exports.IsProjectCode = IsProjectCode;
exports.IsRealEstateUnitNumber = IsRealEstateUnitNumber;
exports.IsIndustryCode = IsIndustryCode;
exports.IsCount = IsCount;
exports.IsAffirmed = IsAffirmed;
exports.IsIsoDate = IsIsoDate;
exports.IsNotBlank = IsNotBlank;
exports.RequiredAtSubmit = RequiredAtSubmit;
exports.RequiredAtSubmitAllowingNull = RequiredAtSubmitAllowingNull;
exports.IsText = IsText;
exports.HasMaxLength = HasMaxLength;
exports.IsOneOf = IsOneOf;
exports.IsTextList = IsTextList;
exports.IsNestedForm = IsNestedForm;
exports.IsNestedFormList = IsNestedFormList;
require("reflect-metadata");
const class_validator_1 = require("class-validator");
const class_transformer_1 = require("class-transformer");
const uscc_1 = require("../identifiers/uscc");
const resident_id_1 = require("../identifiers/resident-id");
const phone_1 = require("../identifiers/phone");
const industry_code_1 = require("../identifiers/industry-code");
const real_estate_unit_1 = require("../identifiers/real-estate-unit");
const numbering_1 = require("../numbering");
const calendar_1 = require("../calendar");
const messages_1 = require("./messages");
exports.COMPLETE_FORM_GROUP = 'complete-form';
const ONLY_WHEN_COMPLETE = { groups: [exports.COMPLETE_FORM_GROUP] };
function encodeProblem(code, ...params) {
    return [code, ...params].join(':');
}
function decodeProblem(message) {
    const [code, ...params] = message.split(':');
    return (0, messages_1.isFormProblemCode)(code) ? { code, params } : { code: 'invalid', params: [] };
}
function composeDecorators(...decorators) {
    return (target, propertyKey) => decorators.forEach((decorate) => decorate(target, propertyKey));
}
function formatDecorator(check, constraints = [], options = {}) {
    return (target, propertyKey) => (0, class_validator_1.registerDecorator)({
        name: check.name,
        target: target.constructor,
        propertyName: String(propertyKey),
        constraints,
        options: {
            ...options,
            message: options.message ?? ((args) => check.problemOf(args.value, args.constraints) ?? 'invalid'),
        },
        validator: { validate: (value, args) => check.problemOf(value, args?.constraints ?? constraints) === null },
    });
}
const RESIDENT_ID_PATTERN = '^[0-9]{17}[0-9Xx]$';
const MAINLAND_MOBILE_PATTERN = '^1[3-9][0-9]{9}$';
const ISO_DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
const ENTITY_NAME_PATTERN = '^[\\u3007\\u3400-\\u4DBF\\u4E00-\\u9FFF（）]{2,50}$';
const ENTITY_NAME = new RegExp(ENTITY_NAME_PATTERN);
exports.ENTITY_NAME_MAX_LENGTH = 50;
const AMOUNT_INTEGER_DIGITS = 12;
function decimalAmountPattern(maxDecimals, allowZero = false) {
    const fraction = maxDecimals > 0 ? `(\\.[0-9]{1,${maxDecimals}})?` : '';
    if (allowZero)
        return `^((0|[1-9][0-9]{0,${AMOUNT_INTEGER_DIGITS - 1}})${fraction})$`;
    const belowOne = maxDecimals > 0 ? `|0\\.(?!0+$)[0-9]{1,${maxDecimals}}` : '';
    return `^([1-9][0-9]{0,${AMOUNT_INTEGER_DIGITS - 1}}${fraction}${belowOne})$`;
}
function decimalAmountMaxLength(maxDecimals) {
    return AMOUNT_INTEGER_DIGITS + (maxDecimals > 0 ? maxDecimals + 1 : 0);
}
const usccCheck = {
    name: 'isUscc',
    problemOf(value) {
        if (typeof value !== 'string')
            return 'not_string';
        if (!(0, uscc_1.hasUsccShape)(value))
            return 'uscc_format';
        return (0, uscc_1.isValidUscc)(value) ? null : 'uscc_check';
    },
};
const residentIdCheck = {
    name: 'isResidentId',
    problemOf(value) {
        if (typeof value !== 'string')
            return 'not_string';
        const problem = (0, resident_id_1.residentIdProblem)(value);
        if (problem === 'format')
            return 'resident_id_format';
        if (problem === 'birth_date')
            return 'resident_id_birth_date';
        if (problem === 'check_digit')
            return 'resident_id_check';
        return null;
    },
};
const mainlandMobileCheck = {
    name: 'isMainlandMobile',
    problemOf(value) {
        if (typeof value !== 'string')
            return 'not_string';
        return (0, phone_1.isMainlandMobile)(value) ? null : 'mobile_format';
    },
};
const entityNameCheck = {
    name: 'isEntityName',
    problemOf(value) {
        if (typeof value !== 'string')
            return 'not_string';
        if (!ENTITY_NAME.test(value))
            return 'entity_name_format';
        return bracketsPairUp(value) ? null : 'entity_name_brackets';
    },
};
function bracketsPairUp(name) {
    let depth = 0;
    for (const char of name) {
        if (char === '（')
            depth++;
        if (char === '）' && --depth < 0)
            return false;
    }
    return depth === 0;
}
const decimalAmountCheck = {
    name: 'isDecimalAmount',
    problemOf(value, constraints) {
        const { maxDecimals, allowZero = false } = constraints[0];
        if (typeof value !== 'string')
            return 'not_string';
        if (new RegExp(decimalAmountPattern(maxDecimals, allowZero)).test(value))
            return null;
        return encodeProblem(allowZero ? 'amount_format_or_zero' : 'amount_format', maxDecimals);
    },
};
const AREA_PROBLEMS = {
    m2: { positive: 'area_m2_format', orZero: 'area_m2_format_or_zero' },
    mu: { positive: 'area_mu_format', orZero: 'area_mu_format_or_zero' },
};
const areaCheck = {
    name: 'isArea',
    problemOf(value, constraints) {
        const { unit, maxDecimals, allowZero = false } = constraints[0];
        if (typeof value !== 'string')
            return 'not_string';
        if (new RegExp(decimalAmountPattern(maxDecimals, allowZero)).test(value))
            return null;
        return encodeProblem(AREA_PROBLEMS[unit][allowZero ? 'orZero' : 'positive'], maxDecimals);
    },
};
const projectCodeCheck = {
    name: 'isProjectCode',
    problemOf(value) {
        if (typeof value !== 'string')
            return 'not_string';
        return (0, numbering_1.isProjectCode)(value) ? null : 'project_code_format';
    },
};
const realEstateUnitCheck = {
    name: 'isRealEstateUnitNumber',
    problemOf(value) {
        if (typeof value !== 'string')
            return 'not_string';
        return (0, real_estate_unit_1.isRealEstateUnitNumber)(value) ? null : 'real_estate_unit_format';
    },
};
const countCheck = {
    name: 'isCount',
    problemOf(value, constraints) {
        const { max } = constraints[0];
        if (typeof value !== 'number' || !Number.isSafeInteger(value))
            return 'not_integer';
        if (value < 0)
            return encodeProblem('too_small', 0);
        return value > max ? encodeProblem('too_large', max) : null;
    },
};
const industryCodeCheck = {
    name: 'isIndustryCode',
    problemOf(value) {
        if (typeof value !== 'string')
            return 'not_string';
        return (0, industry_code_1.isIndustryCode)(value) ? null : 'industry_code_format';
    },
};
const isoDateCheck = {
    name: 'isIsoDate',
    problemOf(value, constraints) {
        const { nullable = false } = (constraints[0] ?? {});
        if (value === null && nullable)
            return null;
        if (typeof value !== 'string')
            return 'not_string';
        return (0, calendar_1.isLocalDate)(value) ? null : 'date_format';
    },
};
const presentCheck = {
    name: 'isPresent',
    problemOf: (value) => (value === undefined ? 'required' : null),
};
const notBlankCheck = {
    name: 'isNotBlank',
    problemOf: (value) => (typeof value === 'string' && value.trim() === '' ? 'blank' : null),
};
function IsUscc(options) {
    return formatDecorator(usccCheck, [], options);
}
function IsResidentId(options) {
    return formatDecorator(residentIdCheck, [], options);
}
function IsMainlandMobile(options) {
    return formatDecorator(mainlandMobileCheck, [], options);
}
function IsEntityName(options) {
    return formatDecorator(entityNameCheck, [], options);
}
function IsDecimalAmount(amount = { maxDecimals: 4 }, options) {
    return formatDecorator(decimalAmountCheck, [amount], options);
}
function IsArea(area, options) {
    return formatDecorator(areaCheck, [area], options);
}
function IsProjectCode(options) {
    return formatDecorator(projectCodeCheck, [], options);
}
function IsRealEstateUnitNumber(options) {
    return formatDecorator(realEstateUnitCheck, [], options);
}
function IsIndustryCode(options) {
    return formatDecorator(industryCodeCheck, [], options);
}
function IsCount(max, options) {
    return formatDecorator(countCheck, [{ max }], options);
}
function IsAffirmed(problem) {
    return composeDecorators((0, class_validator_1.IsBoolean)({ message: 'not_boolean' }), (0, class_validator_1.Equals)(true, { ...ONLY_WHEN_COMPLETE, message: problem }));
}
function IsIsoDate(date = {}, options) {
    return formatDecorator(isoDateCheck, [date], options);
}
function IsNotBlank(options) {
    return formatDecorator(notBlankCheck, [], options);
}
function RequiredAtSubmit() {
    return (0, class_validator_1.IsDefined)({ ...ONLY_WHEN_COMPLETE, message: 'required' });
}
function RequiredAtSubmitAllowingNull() {
    return formatDecorator(presentCheck, [], ONLY_WHEN_COMPLETE);
}
function IsText(maxLength) {
    return composeDecorators((0, class_validator_1.IsString)({ message: 'not_string' }), IsNotBlank(), (0, class_validator_1.MaxLength)(maxLength, { message: encodeProblem('too_long', '$constraint1') }));
}
function HasMaxLength(maxLength) {
    return composeDecorators((0, class_validator_1.IsString)({ message: 'not_string' }), (0, class_validator_1.MaxLength)(maxLength, { message: encodeProblem('too_long', '$constraint1') }));
}
function IsOneOf(values) {
    return (0, class_validator_1.IsIn)([...values], { message: 'not_one_of' });
}
function IsTextList({ maxItems, maxItemLength, minItemsWhenComplete = 0, }) {
    return composeDecorators((0, class_validator_1.IsArray)({ message: 'not_array' }), ...(minItemsWhenComplete > 0
        ? [(0, class_validator_1.ArrayMinSize)(minItemsWhenComplete, { ...ONLY_WHEN_COMPLETE, message: encodeProblem('too_few', '$constraint1') })]
        : []), (0, class_validator_1.ArrayMaxSize)(maxItems, { message: encodeProblem('too_many', '$constraint1') }), (0, class_validator_1.IsString)({ each: true, message: 'items_not_strings' }), IsNotBlank({ each: true, message: 'items_blank' }), (0, class_validator_1.MaxLength)(maxItemLength, { each: true, message: encodeProblem('items_too_long', '$constraint1') }));
}
function IsNestedForm(type) {
    return composeDecorators((0, class_validator_1.IsObject)({ message: 'not_object' }), (0, class_validator_1.ValidateNested)({ message: 'not_object' }), (0, class_transformer_1.Type)(type));
}
function IsNestedFormList(type, { minItemsWhenComplete, maxItems }) {
    return composeDecorators((0, class_validator_1.IsArray)({ message: 'not_array' }), (0, class_validator_1.ArrayMinSize)(minItemsWhenComplete, { ...ONLY_WHEN_COMPLETE, message: encodeProblem('too_few', '$constraint1') }), (0, class_validator_1.ArrayMaxSize)(maxItems, { message: encodeProblem('too_many', '$constraint1') }), (0, class_validator_1.IsObject)({ each: true, message: 'items_not_objects' }), (0, class_validator_1.ValidateNested)({ each: true, message: 'not_object' }), (0, class_transformer_1.Type)(type));
}
exports.FORM_SCHEMA_CONVERTERS = {
    [usccCheck.name]: { type: 'string', pattern: uscc_1.USCC_SHAPE_PATTERN, minLength: 18, maxLength: 18 },
    [residentIdCheck.name]: { type: 'string', pattern: RESIDENT_ID_PATTERN, minLength: 18, maxLength: 18 },
    [mainlandMobileCheck.name]: { type: 'string', pattern: MAINLAND_MOBILE_PATTERN, minLength: 11, maxLength: 11 },
    [entityNameCheck.name]: { type: 'string', pattern: ENTITY_NAME_PATTERN, minLength: 2, maxLength: exports.ENTITY_NAME_MAX_LENGTH },
    [decimalAmountCheck.name]: (meta) => {
        const { maxDecimals, allowZero = false } = meta.constraints[0];
        return { type: 'string', pattern: decimalAmountPattern(maxDecimals, allowZero), maxLength: decimalAmountMaxLength(maxDecimals) };
    },
    [areaCheck.name]: (meta) => {
        const { unit, maxDecimals, allowZero = false } = meta.constraints[0];
        return {
            type: 'string',
            pattern: decimalAmountPattern(maxDecimals, allowZero),
            maxLength: decimalAmountMaxLength(maxDecimals),
            description: unit === 'mu' ? '亩 (mu)' : '平方米 (m²)',
        };
    },
    [projectCodeCheck.name]: { type: 'string', pattern: numbering_1.PROJECT_CODE_PATTERN, minLength: numbering_1.PROJECT_CODE_LENGTH, maxLength: numbering_1.PROJECT_CODE_LENGTH },
    [realEstateUnitCheck.name]: {
        type: 'string',
        pattern: real_estate_unit_1.REAL_ESTATE_UNIT_NUMBER_PATTERN,
        minLength: real_estate_unit_1.REAL_ESTATE_UNIT_NUMBER_LENGTH,
        maxLength: real_estate_unit_1.REAL_ESTATE_UNIT_NUMBER_LENGTH,
    },
    [countCheck.name]: (meta) => ({ type: 'integer', minimum: 0, maximum: meta.constraints[0].max }),
    [industryCodeCheck.name]: { type: 'string', pattern: industry_code_1.INDUSTRY_CODE_PATTERN, minLength: 3, maxLength: industry_code_1.INDUSTRY_CODE_MAX_LENGTH },
    [isoDateCheck.name]: (meta) => {
        const { nullable = false } = (meta.constraints[0] ?? {});
        return { type: nullable ? ['string', 'null'] : 'string', format: 'date', pattern: ISO_DATE_PATTERN, maxLength: 10 };
    },
    [presentCheck.name]: {},
    [notBlankCheck.name]: { type: 'string', minLength: 1, pattern: '\\S' },
};
