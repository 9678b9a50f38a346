"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FORM_MESSAGES = exports.FORM_LANGUAGES = void 0;
exports.isFormProblemCode = isFormProblemCode;
exports.formMessage = formMessage;
exports.FORM_LANGUAGES = ['zh-CN', 'en'];
exports.FORM_MESSAGES = {
    required: { 'zh-CN': '必填', en: 'Required' },
    invalid: { 'zh-CN': '填写的内容无效', en: 'This value is not valid' },
    unknown_field: { 'zh-CN': '表单中没有这一项', en: 'This form has no such field' },
    unknown_service: { 'zh-CN': '没有这项服务', en: 'There is no such service' },
    form_not_object: { 'zh-CN': '表单必须是一个 JSON 对象', en: 'The form must be a JSON object' },
    not_string: { 'zh-CN': '必须是文字', en: 'Must be text' },
    not_object: { 'zh-CN': '必须是一个对象', en: 'Must be an object' },
    not_array: { 'zh-CN': '必须是一个列表', en: 'Must be a list' },
    items_not_strings: { 'zh-CN': '列表中的每一项都必须是文字', en: 'Every item of the list must be text' },
    items_not_objects: { 'zh-CN': '列表中的每一项都必须是一个对象', en: 'Every item of the list must be an object' },
    blank: { 'zh-CN': '不能为空', en: 'Must not be empty' },
    items_blank: { 'zh-CN': '列表中的项不能为空', en: 'No item of the list may be empty' },
    too_long: { 'zh-CN': '不能超过 {0} 个字符', en: 'Must be at most {0} characters long' },
    items_too_long: { 'zh-CN': '列表中的每一项不能超过 {0} 个字符', en: 'Every item of the list must be at most {0} characters long' },
    too_few: { 'zh-CN': '至少需要 {0} 项', en: 'Needs at least {0}' },
    too_many: { 'zh-CN': '最多 {0} 项', en: 'At most {0} items are allowed' },
    not_one_of: { 'zh-CN': '不是可选的值之一', en: 'Is not one of the allowed values' },
    entity_name_format: {
        'zh-CN': '名称只能使用规范汉字和全角括号（），不能含阿拉伯数字或拉丁字母，长度 2 至 50 个字',
        en: 'The name may use only standard Chinese characters and full-width brackets （）, no Arabic digits or Latin letters, 2 to 50 characters',
    },
    entity_name_brackets: { 'zh-CN': '名称中的括号不成对', en: 'The brackets in the name do not pair up' },
    uscc_format: {
        'zh-CN': '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z），第 3 至 8 位为行政区划代码',
        en: 'The unified social credit code must be 18 digits or capital letters (no I, O, S, V, Z), with a division code in places 3 to 8',
    },
    uscc_check: { 'zh-CN': '统一社会信用代码校验位不正确', en: "The unified social credit code's check character is wrong" },
    resident_id_format: {
        'zh-CN': '身份证号码应为 18 位：17 位数字加 1 位数字或 X',
        en: 'The ID number must be 18 characters: 17 digits and then a digit or X',
    },
    resident_id_birth_date: {
        'zh-CN': '身份证号码中的出生日期不存在',
        en: 'The date of birth in the ID number is not a real date',
    },
    resident_id_check: { 'zh-CN': '身份证号码校验位不正确', en: "The ID number's check digit is wrong" },
    mobile_format: {
        'zh-CN': '手机号码应为 11 位数字，以 13 至 19 开头',
        en: 'The mobile number must be 11 digits starting with 13 to 19',
    },
    amount_format: {
        'zh-CN': '金额应为大于零的数字（万元），最多 {0} 位小数',
        en: 'The amount must be a number above zero (in 10,000 yuan) with at most {0} decimals',
    },
    date_format: { 'zh-CN': '日期应为 YYYY-MM-DD 格式的真实日期', en: 'The date must be a real date written YYYY-MM-DD' },
    amount_format_or_zero: {
        'zh-CN': '金额应为不小于零的数字（万元），最多 {0} 位小数',
        en: 'The amount must be zero or a number above zero (in 10,000 yuan) with at most {0} decimals',
    },
    area_m2_format: {
        'zh-CN': '面积应为大于零的数字（平方米），最多 {0} 位小数',
        en: 'The area must be a number above zero (in square meters) with at most {0} decimals',
    },
    area_m2_format_or_zero: {
        'zh-CN': '面积应为不小于零的数字（平方米），最多 {0} 位小数',
        en: 'The area must be zero or a number above zero (in square meters) with at most {0} decimals',
    },
    area_mu_format: {
        'zh-CN': '面积应为大于零的数字（亩），最多 {0} 位小数',
        en: 'The area must be a number above zero (in mu) with at most {0} decimals',
    },
    area_mu_format_or_zero: {
        'zh-CN': '面积应为不小于零的数字（亩），最多 {0} 位小数',
        en: 'The area must be zero or a number above zero (in mu) with at most {0} decimals',
    },
    not_integer: { 'zh-CN': '必须是整数', en: 'Must be a whole number' },
    too_small: { 'zh-CN': '不能小于 {0}', en: 'Must be at least {0}' },
    too_large: { 'zh-CN': '不能大于 {0}', en: 'Must be at most {0}' },
    not_boolean: { 'zh-CN': '必须是“是”或“否”', en: 'Must be yes or no (true or false)' },
    project_code_format: {
        'zh-CN': '项目代码应为 24 位，格式为“年份-行政区划代码-部门代码-项目类型-流水号”，如 2026-140603-02-01-000001',
        en: 'The project code must be 24 characters: year-division-department-type-sequence, e.g. 2026-140603-02-01-000001',
    },
    real_estate_unit_format: {
        'zh-CN': '不动产单元号应为 28 位：12 位数字、2 位大写字母、5 位数字、1 位大写字母、8 位数字',
        en: 'The real estate unit number must be 28 characters: 12 digits, 2 capital letters, 5 digits, 1 capital letter, 8 digits',
    },
    industry_code_format: {
        'zh-CN': '行业代码应为国民经济行业分类代码：1 位门类字母（A 至 T）加 2 至 4 位数字，如 C3011',
        en: 'The industry code must be a national industry classification code: a section letter A to T and 2 to 4 digits, e.g. C3011',
    },
    shareholder_identity_missing: {
        'zh-CN': '请填写股东的身份证号码（自然人）或统一社会信用代码（单位）',
        en: "Give the shareholder's ID number (a person) or unified social credit code (an entity)",
    },
    shareholder_identity_both: {
        'zh-CN': '股东只能填写身份证号码或统一社会信用代码中的一项',
        en: 'A shareholder has either an ID number or a unified social credit code, not both',
    },
    contributions_mismatch: {
        'zh-CN': '股东出资额合计 {0} 万元，与注册资本 {1} 万元不一致',
        en: "The shareholders' contributions add up to {0} (10,000 yuan), not the registered capital of {1}",
    },
    term_end_before_start: { 'zh-CN': '营业期限的截止日期应晚于起始日期', en: 'The end of the term of operation must come after its start' },
    scope_empty: { 'zh-CN': '经营范围至少填写一项一般项目或许可项目', en: 'The business scope needs at least one general or licensed item' },
    operator_identity_missing: {
        'zh-CN': '请填写统一社会信用代码（单位）或身份证号码（个人）',
        en: 'Give the unified social credit code (an entity) or the ID number (a person)',
    },
    operator_identity_both: {
        'zh-CN': '统一社会信用代码和身份证号码只能填写一项：单位填信用代码，个人填身份证号码',
        en: 'Give either the unified social credit code (an entity) or the ID number (a person), not both',
    },
    policy_compliance_required: {
        'zh-CN': '请确认项目符合国家产业政策',
        en: 'Confirm that the project complies with national industrial policy',
    },
    completion_before_start: { 'zh-CN': '计划竣工日期应晚于计划开工日期', en: 'The planned completion date must come after the planned start date' },
    new_land_exceeds_total: {
        'zh-CN': '新增用地面积不能大于总用地面积',
        en: 'The new land cannot be more than the total land',
    },
    investment_breakdown_mismatch: {
        'zh-CN': '各项投资合计 {0} 万元，与总投资 {1} 万元不一致',
        en: 'The parts of the investment add up to {0} (10,000 yuan), not the total investment of {1}',
    },
    funding_sources_mismatch: {
        'zh-CN': '各项资金来源合计 {0} 万元，与总投资 {1} 万元不一致',
        en: 'The funding sources add up to {0} (10,000 yuan), not the total investment of {1}',
    },
    contract_period_end_before_start: { 'zh-CN': '合同工期的竣工日期应晚于开工日期', en: 'The end of the contract period must come after its start' },
    construction_permit_not_needed: {
        'zh-CN': '投资额30万元以下或建筑面积300平方米以下的工程无需办理施工许可证',
        en: 'Projects of 300,000 yuan or less, or 300 m² or less, need no construction permit',
    },
    social_group_members_too_few: {
        'zh-CN': '社会团体应有 50 个以上个人会员或 30 个以上单位会员',
        en: 'A social group needs at least 50 individual members or at least 30 unit members',
    },
    social_group_funds_too_low: {
        'zh-CN': '社会团体的注册资金不能少于 {0} 万元',
        en: "A social group's registered funds must be at least {0} (10,000 yuan)",
    },
};
function isFormProblemCode(code) {
    return Object.prototype.hasOwnProperty.call(exports.FORM_MESSAGES, code);
}
function formMessage(code, lang, params = []) {
    const template = exports.FORM_MESSAGES[code][lang];
    return template.replace(/\{(\d+)\}/g, (placeholder, index) => params[Number(index)] ?? placeholder);
}
