import { DataSource } from 'typeorm';
import { hashPassword } from '@onewindow/auth';
import { AccountEntity, ApplicantEntity } from '@onewindow/persistence';

/** The demo staff of API.md: every one signs in with DEMO_PASSWORD. */
export const DEMO_STAFF = [
  { username: 'clerk1', name: '窗口受理员 李娜', roles: ['window_clerk'], sections: [] as string[] },
  { username: 'reviewer1', name: '审查员 王强', roles: ['reviewer', 'section_head'], sections: ['market_registration', 'food_drug', 'investment', 'planning', 'construction', 'social_organizations'] },
  { username: 'sealer1', name: '用印人 张敏', roles: ['seal_officer'], sections: [] },
  { username: 'vendor1', name: '刻章单位 平鲁印章社', roles: ['seal_vendor'], sections: [] },
  { username: 'admin1', name: '系统管理员', roles: ['administrator'], sections: [] },
  { username: 'leader1', name: '局领导', roles: ['leadership'], sections: [] },
  { username: 'helper1', name: '帮办员 赵磊', roles: ['helper'], sections: [] },
];

export const DEMO_APPLICANT = { name: '刘建海', phone: '13800000000', idNumber: '11010519491231002X' };

/** Creates the demo accounts when missing, and (re)sets their password to the demo password. */
export async function seedDemoAccounts(dataSource: DataSource, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  for (const staff of DEMO_STAFF) {
    await dataSource.query(
      `INSERT INTO accounts (kind, name, username, password_hash, roles, sections) VALUES ('staff', $1, $2, $3, $4, $5)
       ON CONFLICT (username) WHERE username IS NOT NULL DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles, sections = EXCLUDED.sections`,
      [staff.name, staff.username, passwordHash, staff.roles, staff.sections],
    );
  }
  const existing = await dataSource.getRepository(AccountEntity).findOneBy({ phone: DEMO_APPLICANT.phone });
  if (!existing) {
    const account = await dataSource.getRepository(AccountEntity).save(
      dataSource.getRepository(AccountEntity).create({ kind: 'applicant', name: DEMO_APPLICANT.name, phone: DEMO_APPLICANT.phone, idNumber: DEMO_APPLICANT.idNumber, passwordHash, roles: [], sections: [] }),
    );
    await dataSource.getRepository(ApplicantEntity).insert({ kind: 'person', name: DEMO_APPLICANT.name, idNumber: DEMO_APPLICANT.idNumber, phone: DEMO_APPLICANT.phone, accountId: account.id });
  }
}
