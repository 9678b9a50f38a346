"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sampleCertificates = exports.SAMPLE_ISSUED_ON = exports.SAMPLE_BUREAU = void 0;
const node_crypto_1 = require("node:crypto");
const chinese_format_1 = require("./chinese-format");
const signing_1 = require("./signing");
exports.SAMPLE_BUREAU = '朔州市平鲁区行政审批服务管理局';
exports.SAMPLE_ISSUED_ON = '2026-11-28';
const PORTAL = 'https://yct.pinglu.example.gov.cn';
function sampleVerifyUrl(number, service, holderName, particulars) {
    const d = (0, signing_1.base64urlEncode)((0, signing_1.canonicalJson)({ kid: 'k2026a', number, service, holderName, particulars, issuedOn: exports.SAMPLE_ISSUED_ON, validUntil: null }));
    const sig = (0, node_crypto_1.createHash)('sha512').update(d).digest('base64url');
    return `${PORTAL}/verify/${encodeURIComponent(number)}?d=${d}&sig=${sig}`;
}
function sample(layout, title, number, holder, fields) {
    const particulars = Object.fromEntries(fields.slice(0, 4).map((f) => [f.label, f.value]));
    return {
        layout,
        title,
        number,
        fields,
        issuingAuthority: exports.SAMPLE_BUREAU,
        issuedOn: exports.SAMPLE_ISSUED_ON,
        verifyUrl: sampleVerifyUrl(number.value, layout, holder, particulars),
        bureauName: exports.SAMPLE_BUREAU,
        creationDate: new Date('2026-11-28T02:30:00Z'),
    };
}
const PROJECT_CODE = '2026-140603-30-03-000042';
const PROJECT_NAME = '年产30万吨粉煤灰综合利用新型建材项目';
const COMPANY = '朔州市平鲁区晋北新材料有限公司';
const SITE = '山西省朔州市平鲁区北坪循环经济园区纬三路南侧、经二路东侧';
exports.sampleCertificates = {
    'food-business': {
        holder: '朔州市平鲁区晋味源餐饮管理有限公司',
        document: sample('food-business', '食品经营许可证', { label: '许可证编号', value: 'JY21406030001287' }, '朔州市平鲁区晋味源餐饮管理有限公司', [
            { label: '经营者名称', value: '朔州市平鲁区晋味源餐饮管理有限公司' },
            { label: '社会信用代码（身份证号码）', value: '91140603MA0L3B2K51' },
            { label: '法定代表人（负责人）', value: '王丽娟' },
            { label: '住所', value: '山西省朔州市平鲁区井坪镇南关街18号' },
            { label: '经营场所', value: '山西省朔州市平鲁区井坪镇南关街18号一层至二层' },
            { label: '主体业态', value: '餐饮服务经营者（中型餐馆）' },
            {
                label: '经营项目',
                value: '热食类食品制售；冷食类食品制售（不含生食类食品）；糕点类食品制售（不含裱花蛋糕）；自制饮品制售（不含自酿酒）；' +
                    '预包装食品销售（含冷藏冷冻食品）；散装食品销售（不含散装熟食）',
            },
            { label: '有效期至', value: '2031年11月27日' },
            { label: '日常监督管理机构', value: '朔州市平鲁区市场监督管理局井坪市场监督管理所' },
            { label: '日常监督管理人员', value: '李建军、刘芳' },
            { label: '签发人', value: '张志强' },
        ]),
    },
    'investment-filing': {
        holder: COMPANY,
        document: sample('investment-filing', '企业投资项目备案证明', { label: '项目代码', value: PROJECT_CODE }, COMPANY, [
            { label: '项目名称', value: PROJECT_NAME },
            { label: '项目单位', value: COMPANY },
            { label: '统一社会信用代码', value: '91140603MA0L2X7Q3N' },
            { label: '项目负责人', value: '刘建海' },
            { label: '建设地点', value: SITE },
            { label: '建设性质', value: '新建' },
            { label: '所属行业', value: '非金属矿物制品业（C30）' },
            {
                label: '建设规模及内容',
                value: '项目总用地面积70.00亩（均为新增用地），总建筑面积28,500平方米。新建生产车间、原料库房、成品库房、综合办公楼及配套用房，' +
                    '购置粉煤灰分选、蒸压加气混凝土砌块及墙板生产线设备共126台（套），配套建设给排水、供配电、除尘及环保设施。' +
                    '项目建成后年综合利用粉煤灰30万吨，年产蒸压加气混凝土砌块40万立方米、新型墙板60万平方米。',
            },
            { label: '总投资', value: '12,500.00万元（其中：土建工程4,860.00万元，设备购置及安装5,920.00万元，其他费用1,720.00万元）' },
            { label: '资金来源', value: '企业自筹7,500.00万元，银行贷款5,000.00万元' },
            { label: '计划开工时间', value: '2027年3月' },
            { label: '计划竣工时间', value: '2028年10月' },
        ]),
    },
    'land-planning': {
        holder: COMPANY,
        document: sample('land-planning', '建设用地规划许可证', { label: '许可证编号', value: '地字第140603202600007号' }, COMPANY, [
            { label: '用地单位', value: COMPANY },
            { label: '项目名称', value: PROJECT_NAME },
            { label: '项目代码', value: PROJECT_CODE },
            { label: '批准用地机关', value: '朔州市平鲁区人民政府' },
            { label: '批准用地文号', value: '平政地字〔2026〕18号' },
            { label: '用地位置', value: SITE },
            { label: '用地面积', value: '46,666.90平方米（约70.00亩）' },
            { label: '土地用途', value: '工业用地（二类工业用地）' },
            { label: '建设规模', value: '总建筑面积28,500平方米；容积率≥1.0，建筑密度≥40%，绿地率≤15%' },
            { label: '土地取得方式', value: '出让（国有建设用地使用权出让合同编号：1406032026B00012）' },
            { label: '附图及附件名称', value: '建设用地规划许可证附图（用地红线图）1份；规划条件1份' },
        ]),
    },
    'engineering-planning': {
        holder: COMPANY,
        document: sample('engineering-planning', '建设工程规划许可证', { label: '许可证编号', value: '建字第140603202600011号' }, COMPANY, [
            { label: '建设单位（个人）', value: COMPANY },
            { label: '建设项目名称', value: `${PROJECT_NAME}（一期）1#生产车间、2#原料库房、综合办公楼` },
            { label: '项目代码', value: PROJECT_CODE },
            { label: '建设位置', value: SITE },
            {
                label: '建设规模',
                value: '总建筑面积21,300平方米（均为地上），其中1#生产车间12,600平方米（单层，建筑高度18.5米），' +
                    '2#原料库房5,600平方米（单层，建筑高度15.0米），综合办公楼3,100平方米（地上五层，建筑高度21.9米）',
            },
            { label: '不动产单元号', value: '140603102003GB00012F00010001' },
            { label: '附图及附件名称', value: '建设工程规划许可证附图（总平面图）1份；建设工程设计方案1套' },
        ]),
    },
    construction: {
        holder: COMPANY,
        document: sample('construction', '建筑工程施工许可证', { label: '编号', value: '140603202611270101' }, COMPANY, [
            { label: '建设单位', value: COMPANY },
            { label: '工程名称', value: `${PROJECT_NAME}（一期）1#生产车间` },
            { label: '项目代码', value: PROJECT_CODE },
            { label: '建设地址', value: '山西省朔州市平鲁区北坪循环经济园区纬三路南侧' },
            { label: '建设规模', value: '12,600平方米' },
            { label: '合同价格', value: '3,860.50万元' },
            { label: '勘察单位', value: '山西省勘察设计研究院有限公司' },
            { label: '设计单位', value: '中冶京诚工程技术有限公司' },
            { label: '施工单位', value: '山西建设投资集团有限公司' },
            { label: '监理单位', value: '山西省建设监理有限公司' },
            { label: '勘察单位项目负责人', value: '王志刚' },
            { label: '设计单位项目负责人', value: '李红梅' },
            { label: '施工单位项目负责人', value: '张宏伟' },
            { label: '总监理工程师', value: '赵建国' },
            { label: '合同工期', value: '2026年12月1日至2027年10月31日（共335日历天）' },
        ]),
    },
    'non-enterprise': {
        holder: '朔州市平鲁区启明职业技能培训学校',
        document: sample('non-enterprise', '民办非企业单位登记证书', { label: '统一社会信用代码', value: '52140603MJY001234M' }, '朔州市平鲁区启明职业技能培训学校', [
            { label: '名称', value: '朔州市平鲁区启明职业技能培训学校' },
            { label: '住所', value: '山西省朔州市平鲁区井坪镇文化路26号' },
            {
                label: '宗旨和业务范围',
                value: '宗旨：遵守宪法、法律、法规和国家政策，遵守社会道德风尚，开展职业技能培训，服务地方就业创业。\n' +
                    '业务范围：电工、焊工、家政服务员、养老护理员、中式烹调师等职业技能培训；创业培训；职业技能评价咨询服务。',
            },
            { label: '法定代表人', value: '高文斌' },
            { label: '开办资金', value: `人民币${(0, chinese_format_1.amountInChineseCapital)('50')}` },
            { label: '业务主管单位', value: '朔州市平鲁区人力资源和社会保障局' },
            { label: '有效期', value: '2026年11月28日至2031年11月27日' },
        ]),
    },
    'social-group': {
        holder: '朔州市平鲁区小微企业发展促进会',
        document: sample('social-group', '社会团体法人登记证书', { label: '统一社会信用代码', value: '51140603MJY007652N' }, '朔州市平鲁区小微企业发展促进会', [
            { label: '名称', value: '朔州市平鲁区小微企业发展促进会' },
            { label: '住所', value: '山西省朔州市平鲁区井坪镇新建街8号' },
            { label: '业务范围', value: '政策宣传、行业交流、业务培训、咨询服务、权益维护、承接政府委托事项' },
            { label: '活动地域', value: '朔州市平鲁区' },
            { label: '法定代表人', value: '孙建平' },
            { label: '注册资金', value: `人民币${(0, chinese_format_1.amountInChineseCapital)('3')}` },
            { label: '业务主管单位', value: '朔州市平鲁区工商业联合会' },
            { label: '有效期', value: '2026年11月28日至2031年11月27日' },
        ]),
    },
};
