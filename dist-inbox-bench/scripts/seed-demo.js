"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEMO_APPLICANT = exports.DEMO_STAFF = void 0;
exports.seedDemoAccounts = seedDemoAccounts;
const auth_1 = require("../libs/auth/src/index.js");
const persistence_1 = require("../libs/persistence/src/index.js");
exports.DEMO_STAFF = [
    { username: 'clerk1', name: '窗口受理员 李娜', roles: ['window_clerk'], sections: [] },
    { username: 'reviewer1', name: '审查员 王强', roles: ['reviewer', 'section_head'], sections: ['market_registration', 'food_drug', 'investment', 'planning', 'construction', 'social_organizations'] },
    { username: 'sealer1', name: '用印人 张敏', roles: ['seal_officer'], sections: [] },
    { username: 'vendor1', name: '刻章单位 平鲁印章社', roles: ['seal_vendor'], sections: [] },
    { username: 'admin1', name: '系统管理员', roles: ['administrator'], sections: [] },
    { username: 'leader1', name: '局领导', roles: ['leadership'], sections: [] },
];
exports.DEMO_APPLICANT = { name: '刘建海', phone: '13800000000', idNumber: '11010519491231002X' };
async function seedDemoAccounts(dataSource, password) {
    const passwordHash = await (0, auth_1.hashPassword)(password);
    for (const staff of exports.DEMO_STAFF) {
        await dataSource.query(`INSERT INTO accounts (kind, name, username, password_hash, roles, sections) VALUES ('staff', $1, $2, $3, $4, $5)
       ON CONFLICT (username) WHERE username IS NOT NULL DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles, sections = EXCLUDED.sections`, [staff.name, staff.username, passwordHash, staff.roles, staff.sections]);
    }
    const existing = await dataSource.getRepository(persistence_1.AccountEntity).findOneBy({ phone: exports.DEMO_APPLICANT.phone });
    if (!existing) {
        const account = await dataSource.getRepository(persistence_1.AccountEntity).save(dataSource.getRepository(persistence_1.AccountEntity).create({ kind: 'applicant', name: exports.DEMO_APPLICANT.name, phone: exports.DEMO_APPLICANT.phone, idNumber: exports.DEMO_APPLICANT.idNumber, passwordHash, roles: [], sections: [] }));
        await dataSource.getRepository(persistence_1.ApplicantEntity).insert({ kind: 'person', name: exports.DEMO_APPLICANT.name, idNumber: exports.DEMO_APPLICANT.idNumber, phone: exports.DEMO_APPLICANT.phone, accountId: account.id });
    }
}
