/**
 * Demo data drawn from Pinglu's own story (issue 8): a key-project register like the district's —
 * a photovoltaic module plant built and producing in one year, a coal-gangue plant making
 * 120,000 t/yr of ceramic-grade kaolin, a 40 million m²/yr gypsum-board line (2.77 亿元), a
 * carbon-based new-materials project, a mining-robot base — with their permits at different
 * stages, and a month of applications across all eight services with known outcomes, so that
 * the monthly report, the dashboard and the key-project views show something real at first start.
 *
 * History is written as the system would have written it: application rows, hash-chained audit
 * events, pauses, corrections, seal-carving orders, ratings and queue counters, then the daily
 * aggregates rebuilt from those events. Idempotent: a register that holds the showcase projects
 * is left alone.
 */
import { DataSource, EntityManager } from 'typeorm';
import { auditEventHash, calendarSnapshot, clockOf, previousMonth, queueDueAt, rebuildDailyAggregates } from '@onewindow/applications';
import { hashPassword } from '@onewindow/auth';
import { ApplicationState, exampleForm, getService, SERVICES, ServiceDefinition, shanghaiDateOf, WorkingCalendar } from '@onewindow/domain';
import { addDaysToLocalDate } from '@onewindow/domain/calendar/local-time';

export interface DistrictSeedOptions {
  /** The instant the history runs up to (default now): nothing is dated after it. */
  now?: Date;
  /** The month of applications, 'YYYY-MM' (default the month before `now`). */
  month?: string;
  /** Password of the 帮办 helper account `helper1` the seed creates (none: it cannot sign in). */
  password?: string;
}

export interface DistrictSeedSummary {
  month: string;
  projects: number;
  started: number;
  applications: number;
  /** Why part of the seed was left out, if it was. */
  skipped?: string;
}

type ActorKind = 'applicant' | 'staff' | 'system';
interface Actor {
  kind: ActorKind;
  id: string | null;
  name: string;
}

interface Step {
  action: string;
  at: Date;
  to: ApplicationState;
  actor: 'applicant' | 'clerk' | 'reviewer' | 'head' | 'sealer' | 'helper' | 'system';
  note?: string;
  data?: Record<string, unknown>;
}

interface FileSpec {
  serviceCode: string;
  number: string;
  entityName: string;
  form: Record<string, unknown>;
  applicant: { accountId: string; applicantId: string; name: string; phone: string };
  steps: Step[];
  projectCode?: string;
  greenChannel?: boolean;
  greenChannelReason?: string;
  filedBy?: string;
  extension?: { days: number; reason: string };
}

interface People {
  clerk: Actor;
  reviewer: Actor;
  head: Actor;
  sealer: Actor;
  helper: Actor;
  vendor: Actor;
  admin: Actor;
}

const SYSTEM: Actor = { kind: 'system', id: null, name: 'OneWindow' };
const DIVISION = '140603';

/** The showcase register. Investment in 万元; planned starts and stages are set relative to the seed's `now`. */
const PROJECTS = [
  {
    code: '2026-140603-02-01-900101',
    name: '平鲁区年产1.5GW光伏组件智能制造项目',
    owner: '朔州市平鲁区晶阳光伏科技有限公司',
    investment: '120000',
    section: 'investment',
    reason: '市级重点工程，当年开工当年投产',
    stage: 'started-early' as const,
  },
  {
    code: '2026-140603-02-01-900102',
    name: '煤矸石综合利用年产12万吨陶瓷级高岭土项目',
    owner: '朔州市平鲁区瑞丰高岭土有限公司',
    investment: '38000',
    section: 'construction',
    reason: '固废综合利用示范项目',
    stage: 'construction-correction' as const,
  },
  {
    code: '2026-140603-02-01-900103',
    name: '年产4000万平方米纸面石膏板生产线项目',
    owner: '朔州市平鲁区北新建材有限公司',
    investment: '27700',
    section: 'construction',
    reason: '省级重点项目，总投资2.77亿元',
    stage: 'started-recently' as const,
  },
  {
    code: '2026-140603-02-01-900104',
    name: '碳基新材料产业化项目',
    owner: '朔州市平鲁区碳谷新材料有限公司',
    investment: '56000',
    section: 'planning',
    reason: '新材料产业链延链补链项目',
    stage: 'land-overdue' as const,
  },
  {
    code: '2026-140603-02-01-900105',
    name: '矿用智能机器人研发制造基地项目',
    owner: '朔州市平鲁区智矿机器人有限公司',
    investment: '15000',
    section: 'investment',
    reason: '煤矿智能化改造配套项目',
    stage: 'filed-only' as const,
  },
];

const ENTITY_NAMES: Record<string, string[]> = {
  'business-license': ['朔州市平鲁区塞北商贸有限公司', '朔州市平鲁区恒山物流有限公司', '朔州市平鲁区桑干河农业科技有限公司', '朔州市平鲁区井坪家政服务有限公司', '朔州市平鲁区雁门关建材有限公司'],
  'food-business': ['朔州市平鲁区老城饭庄有限公司', '朔州市平鲁区莜面人家餐饮店', '朔州市平鲁区北坪生鲜超市有限公司', '朔州市平鲁区凤凰城食堂管理有限公司'],
  'investment-filing': ['朔州市平鲁区晋北新材料有限公司', '朔州市平鲁区绿源光伏发电有限公司', '朔州市平鲁区富民养殖专业合作社'],
  'land-planning': ['朔州市平鲁区晋北新材料有限公司', '朔州市平鲁区城投建设有限公司'],
  'engineering-planning': ['朔州市平鲁区城投建设有限公司', '朔州市平鲁区晋北新材料有限公司'],
  construction: ['朔州市平鲁区城投建设有限公司', '朔州市平鲁区第一建筑工程有限公司'],
  'non-enterprise': ['朔州市平鲁区阳光职业培训学校', '朔州市平鲁区康乐养老服务中心'],
  'social-group': ['朔州市平鲁区个体劳动者协会', '朔州市平鲁区摄影家协会'],
};

/** What happens to the n-th file of the month (20 patterns, cycling). */
type Outcome = 'normal' | 'precheck-correction' | 'clerk-correction' | 'second-correction' | 'refuse' | 'withdraw' | 'deny' | 'special-procedure' | 'extension' | 'late';
const OUTCOMES: Outcome[] = [
  'normal', 'precheck-correction', 'normal', 'clerk-correction', 'normal', 'late', 'normal', 'refuse', 'normal', 'special-procedure',
  'normal', 'extension', 'normal', 'withdraw', 'normal', 'deny', 'normal', 'second-correction', 'normal', 'normal',
];

/** Seeds the register and the month; see the file's comment. Call it with the owner connection after the demo accounts exist. */
export async function seedDistrict(db: DataSource, options: DistrictSeedOptions = {}): Promise<DistrictSeedSummary> {
  const now = options.now ?? new Date();
  const month = options.month ?? previousMonth(shanghaiDateOf(now).slice(0, 7));
  const calendar = new WorkingCalendar(await calendarSnapshot(db.manager));
  const [{ n: seeded }] = await db.query(`SELECT count(*)::int AS n FROM key_projects WHERE project_code = ANY($1::text[])`, [PROJECTS.map((p) => p.code)]);
  if (seeded > 0) return { month, projects: 0, started: 0, applications: 0, skipped: 'the district register is seeded already' };

  const people = await ensurePeople(db, options.password);
  const applicants = await ensureApplicants(db);
  const seeder = new HistoryWriter(calendar, now, people);
  let applications = 0;
  let skipped: string | undefined;

  await db.transaction(async (em) => {
    for (const [i, project] of PROJECTS.entries()) applications += await seeder.project(em, project, i, applicants[i % applicants.length]);
  });

  // The report's month, and the current month up to now so that the dashboard has a live queue and trend. Events
  // dated on days whose audit digest is stored would read as tampering: such a month is left out.
  const today = shanghaiDateOf(now);
  const skippedMonths: string[] = [];
  for (const [m, lastDay] of [[month, lastDayOf(month)], ...(options.month ? [] : [[today.slice(0, 7), today]])]) {
    const [{ n: digested }] = await db.query(`SELECT count(*)::int AS n FROM audit_daily_digests WHERE day >= $1 AND day <= $2`, [`${m}-01`, lastDay]);
    if (digested > 0) {
      skippedMonths.push(m);
      continue;
    }
    await db.transaction(async (em) => {
      applications += await seeder.month(em, m, applicants, lastDay);
    });
  }
  if (skippedMonths.length) skipped = `the audit digests of ${skippedMonths.join(', ')} are stored already: their applications were not seeded`;

  // The dashboard's aggregates for every closed day the seed touched, rebuilt from the events it wrote.
  const firstDay = seeder.earliestDay ?? `${month}-01`;
  await db.transaction(async (em) => {
    for (let day = firstDay; day < today; day = addDaysToLocalDate(day, 1)) await rebuildDailyAggregates(em, day, calendar);
  });
  const [{ started }] = await db.query(`SELECT count(*)::int AS started FROM key_projects WHERE started_on IS NOT NULL AND project_code = ANY($1::text[])`, [PROJECTS.map((p) => p.code)]);
  return { month, projects: PROJECTS.length, started, applications, ...(skipped ? { skipped } : {}) };
}

function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return addDaysToLocalDate(m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`, -1);
}

async function ensurePeople(db: DataSource, password?: string): Promise<People> {
  const find = async (username: string, fallback: string): Promise<Actor> => {
    const [row]: Array<{ id: string; name: string }> = await db.query(`SELECT id, name FROM accounts WHERE username = $1`, [username]);
    return row ? { kind: 'staff', id: row.id, name: row.name } : { kind: 'staff', id: null, name: fallback };
  };
  const [helper]: Array<{ id: string; name: string }> = await db.query(`SELECT id, name FROM accounts WHERE username = 'helper1'`);
  let helperActor: Actor;
  if (helper) {
    helperActor = { kind: 'staff', id: helper.id, name: helper.name };
  } else {
    const [created]: Array<{ id: string; name: string }> = await db.query(
      `INSERT INTO accounts (kind, name, username, password_hash, roles, sections) VALUES ('staff', '帮办员 赵磊', 'helper1', $1, '{helper}', '{}') RETURNING id, name`,
      [password ? await hashPassword(password) : null],
    );
    helperActor = { kind: 'staff', id: created.id, name: created.name };
  }
  return {
    clerk: await find('clerk1', '窗口受理员'),
    reviewer: await find('reviewer1', '审查员'),
    head: await find('reviewer1', '科长'),
    sealer: await find('sealer1', '用印人'),
    vendor: await find('vendor1', '刻章单位'),
    admin: await find('admin1', '系统管理员'),
    helper: helperActor,
  };
}

type Applicant = FileSpec['applicant'];

/** Eight enterprise applicants (accounts without a password), one per service family of names. */
async function ensureApplicants(db: DataSource): Promise<Applicant[]> {
  const list: Applicant[] = [];
  const names = ['平鲁区晶阳光伏科技', '平鲁区瑞丰高岭土', '平鲁区北新建材', '平鲁区碳谷新材料', '平鲁区智矿机器人', '平鲁区塞北商贸', '平鲁区老城饭庄', '平鲁区城投建设'];
  for (const [i, short] of names.entries()) {
    const phone = `1390603${String(9000 + i)}`;
    const name = `朔州市${short}有限公司`;
    let [account]: Array<{ id: string }> = await db.query(`SELECT id FROM accounts WHERE phone = $1`, [phone]);
    account ??= (await db.query(`INSERT INTO accounts (kind, name, phone, roles, sections) VALUES ('applicant', $1, $2, '{}', '{}') RETURNING id`, [name, phone]))[0];
    let [applicant]: Array<{ id: string }> = await db.query(`SELECT id FROM applicants WHERE account_id = $1`, [account.id]);
    applicant ??= (await db.query(`INSERT INTO applicants (kind, name, phone, account_id) VALUES ('entity', $1, $2, $3) RETURNING id`, [name, phone, account.id]))[0];
    list.push({ accountId: account.id, applicantId: applicant.id, name, phone });
  }
  return list;
}

/** Writes files with their whole history, as the transitions would have. */
class HistoryWriter {
  earliestDay: string | null = null;
  private sequence = 900000;

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly now: Date,
    private readonly people: People,
  ) {}

  /** Close of a local date plus/minus working days: `wd('2026-11-20', 2)` is two working days later. */
  private wd(day: string, n: number): string {
    let date = day;
    const step = n >= 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; ) {
      date = addDaysToLocalDate(date, step);
      if (this.calendar.isWorkingDay(date)) left--;
    }
    return date;
  }

  private at(day: string, time: string): Date {
    return new Date(`${day}T${time}:00+08:00`);
  }

  private number(day: string): string {
    return `${DIVISION}${day.replace(/-/g, '')}${String(this.sequence++).padStart(6, '0')}`;
  }

  async project(em: EntityManager, p: (typeof PROJECTS)[number], index: number, applicant: Applicant): Promise<number> {
    const today = shanghaiDateOf(this.now);
    const back = (n: number) => this.wd(today, -n);
    let files: Array<{ service: string; plan: Step[] }> = [];
    const normal = (service: string, submitDay: string, decideAfter = 2) => ({ service, plan: this.normalSteps(getService(service)!, submitDay, { decideAfter }) });
    let plannedStart: string;
    let startedOn: string | null = null;
    switch (p.stage) {
      case 'started-early':
        files = [normal('investment-filing', back(170)), normal('land-planning', back(160), 3), normal('engineering-planning', back(150), 3), normal('construction', back(140), 2)];
        plannedStart = back(135);
        startedOn = back(130);
        break;
      case 'started-recently':
        files = [normal('investment-filing', back(80)), normal('land-planning', back(70), 2), normal('engineering-planning', back(60), 2), normal('construction', back(45), 1)];
        plannedStart = back(35);
        startedOn = back(30);
        break;
      case 'construction-correction': {
        files = [normal('investment-filing', back(60)), normal('land-planning', back(50), 3), normal('engineering-planning', back(35), 3)];
        const day = back(4);
        files.push({
          service: 'construction',
          plan: [
            { action: 'submit', at: this.at(day, '10:00'), to: 'submitted', actor: 'helper' },
            { action: 'precheck_pass', at: this.at(day, '10:01'), to: 'awaiting_acceptance', actor: 'system' },
            {
              action: 'request_correction',
              at: this.at(back(3), '11:00'),
              to: 'correction_required',
              actor: 'clerk',
              data: { items: [{ materialCode: 'construction-drawings-review', reason: '施工图审查合格书缺少消防专项审查意见，请补充。' }] },
            },
          ],
        });
        plannedStart = addDaysToLocalDate(today, 10);
        break;
      }
      case 'land-overdue': {
        files = [normal('investment-filing', back(40))];
        const day = back(11);
        files.push({
          service: 'land-planning',
          plan: [
            { action: 'submit', at: this.at(day, '09:30'), to: 'submitted', actor: 'helper' },
            { action: 'precheck_pass', at: this.at(day, '09:31'), to: 'awaiting_acceptance', actor: 'system' },
            { action: 'accept', at: this.at(back(10), '10:00'), to: 'under_review', actor: 'clerk' },
          ],
        });
        plannedStart = addDaysToLocalDate(today, 30);
        break;
      }
      case 'filed-only':
        files = [normal('investment-filing', back(25))];
        plannedStart = addDaysToLocalDate(today, -20);
        break;
    }
    for (const file of files) {
      const service = getService(file.service)!;
      const form = { ...(exampleForm(file.service) ?? {}), projectName: p.name, ...(file.service === 'investment-filing' ? { totalInvestment: p.investment, companyName: p.owner } : { projectCode: p.code }) };
      await this.write(em, {
        serviceCode: service.code,
        number: this.number(shanghaiDateOf(file.plan[0].at)),
        entityName: p.owner,
        form,
        applicant: { ...applicant, name: p.owner },
        steps: file.plan,
        projectCode: p.code,
        greenChannel: true,
        greenChannelReason: p.reason,
        filedBy: this.people.helper.id ?? undefined,
      });
    }
    await em.query(
      `INSERT INTO key_projects (project_code, name, reason, marked_by, helper_ids, created_at, owner, investment, planned_start, section, started_on, start_recorded_by, start_recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        p.code,
        p.name,
        p.reason,
        this.people.admin.id ?? this.people.helper.id,
        this.people.helper.id ? [this.people.helper.id] : [],
        this.at(this.wd(today, -(180 - index)), '09:00'),
        p.owner,
        p.investment,
        plannedStart,
        p.section,
        startedOn,
        startedOn ? this.people.helper.id : null,
        startedOn ? this.at(startedOn, '16:00') : null,
      ],
    );
    await appendEvent(em, null, { kind: 'staff', id: this.people.admin.id, name: this.people.admin.name }, 'key_project', null, null, this.at(this.wd(today, -(180 - index)), '09:00'), p.reason, { projectCode: p.code, seeded: true });
    return files.length;
  }

  /** A month of applications up to a day: on every working day, files of the eight services in turn, each with its pattern's outcome. */
  async month(em: EntityManager, month: string, applicants: Applicant[], lastDay: string): Promise<number> {
    const days: string[] = [];
    for (let day = `${month}-01`; day <= lastDay; day = addDaysToLocalDate(day, 1)) if (this.calendar.isWorkingDay(day)) days.push(day);
    let n = 0;
    let written = 0;
    for (const [d, day] of days.entries()) {
      const perDay = 3 + (d % 3);
      for (let k = 0; k < perDay; k++, n++) {
        const service = SERVICES[n % SERVICES.length];
        const outcome = this.outcomeFor(service, OUTCOMES[n % OUTCOMES.length]);
        const minutes = 9 * 60 + ((n * 47) % 150) + (k % 2 === 0 ? 0 : 270);
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        const names = ENTITY_NAMES[service.code];
        const entityName = names[n % names.length];
        const steps = this.stepsFor(service, day, time, outcome);
        const assisted = n % 7 === 3;
        written += await this.write(em, {
          serviceCode: service.code,
          number: this.number(day),
          entityName,
          form: exampleForm(service.code) ?? {},
          applicant: { ...applicants[(n * 3) % applicants.length], name: entityName },
          steps: assisted ? steps.map((s) => (s.action === 'submit' ? { ...s, actor: 'helper' as const } : s)) : steps,
          greenChannel: n % 11 === 4,
          greenChannelReason: n % 11 === 4 ? '重点民生项目，绿色通道办理' : undefined,
          filedBy: assisted ? (this.people.helper.id ?? undefined) : undefined,
          extension: outcome === 'extension' ? { days: Math.min(10, service.extensionDays), reason: '案情复杂，需进一步核实现场条件' } : undefined,
        });
      }
    }
    return written;
  }

  private outcomeFor(service: ServiceDefinition, outcome: Outcome): Outcome {
    if (!service.hasReviewStep && ['deny', 'special-procedure', 'extension', 'late'].includes(outcome)) return 'normal';
    if (outcome === 'extension' && (service.legalLimit.unit !== 'working' || service.extensionDays === 0)) return 'late';
    return outcome;
  }

  /** The normal path: accepted the next working day, decided within the promise, sealed and issued the working day after. */
  private normalSteps(service: ServiceDefinition, day: string, options: { time?: string; decideAfter?: number; late?: boolean; special?: boolean; extend?: boolean; deny?: boolean } = {}): Step[] {
    const time = options.time ?? '09:40';
    const steps: Step[] = [
      { action: 'submit', at: this.at(day, time), to: 'submitted', actor: 'applicant' },
      { action: 'precheck_pass', at: new Date(this.at(day, time).getTime() + 60_000), to: 'awaiting_acceptance', actor: 'system' },
    ];
    return [...steps, ...this.afterAcceptance(service, this.wd(day, 1), options)];
  }

  private afterAcceptance(service: ServiceDefinition, acceptDay: string, options: { decideAfter?: number; late?: boolean; special?: boolean; extend?: boolean; deny?: boolean }): Step[] {
    const steps: Step[] = [];
    if (!service.hasReviewStep) {
      steps.push({ action: 'accept', at: this.at(acceptDay, '10:10'), to: 'awaiting_seal', actor: 'clerk' });
      steps.push({ action: 'seal', at: this.at(acceptDay, '15:20'), to: 'issuing', actor: 'sealer' });
      steps.push({ action: 'issued', at: this.at(acceptDay, '15:21'), to: 'issued', actor: 'system' });
      return steps;
    }
    steps.push({ action: 'accept', at: this.at(acceptDay, '10:10'), to: 'under_review', actor: 'clerk' });
    const promisedWorkingDays = service.promisedLimit.unit === 'working' ? service.promisedLimit.days : Math.floor((service.promisedLimit.days * 5) / 7) - 1;
    let decideDay = this.wd(acceptDay, options.late ? promisedWorkingDays + 1 : Math.max(0, Math.min(options.decideAfter ?? promisedWorkingDays - 1, promisedWorkingDays)));
    if (options.special) {
      const start = this.wd(acceptDay, 1);
      const end = this.wd(start, 3);
      steps.push({ action: 'special_procedure_start', at: this.at(start, '11:00'), to: 'under_review', actor: 'reviewer', note: '组织专家对建设方案进行评审', data: { kind: 'expert_review' } });
      steps.push({ action: 'special_procedure_end', at: this.at(end, '11:00'), to: 'under_review', actor: 'reviewer', data: { kind: 'expert_review' } });
      decideDay = this.wd(end, Math.max(1, promisedWorkingDays - 2));
    }
    if (options.extend) {
      steps.push({ action: 'extend', at: this.at(this.wd(acceptDay, 1), '16:00'), to: 'under_review', actor: 'head', note: '案情复杂，需进一步核实现场条件', data: { extensionWorkingDays: Math.min(10, service.extensionDays) } });
    }
    const decideTime = options.late ? '10:30' : '15:00';
    if (options.deny) {
      steps.push({ action: 'deny', at: this.at(decideDay, decideTime), to: 'denied', actor: 'reviewer', note: '申请材料反映的条件不符合法定标准' });
      return steps;
    }
    steps.push({ action: 'approve', at: this.at(decideDay, decideTime), to: 'awaiting_seal', actor: 'reviewer', note: '经审查，符合法定条件和标准，准予许可。' });
    const sealDay = this.wd(decideDay, 1);
    steps.push({ action: 'seal', at: this.at(sealDay, '09:30'), to: 'issuing', actor: 'sealer' });
    steps.push({ action: 'issued', at: this.at(sealDay, '09:31'), to: 'issued', actor: 'system' });
    return steps;
  }

  private stepsFor(service: ServiceDefinition, day: string, time: string, outcome: Outcome): Step[] {
    const t0 = this.at(day, time);
    const plus = (ms: number) => new Date(t0.getTime() + ms);
    const submit: Step[] = [
      { action: 'submit', at: t0, to: 'submitted', actor: 'applicant' },
      { action: 'precheck_pass', at: plus(60_000), to: 'awaiting_acceptance', actor: 'system' },
    ];
    const items = [{ materialCode: service.materials[0]?.code, reason: '材料内容不完整，请按一次性告知清单补齐后重新提交。' }];
    switch (outcome) {
      case 'precheck-correction': {
        const back = this.wd(day, 2);
        return [
          { action: 'submit', at: t0, to: 'submitted', actor: 'applicant' },
          { action: 'precheck_fail', at: plus(60_000), to: 'correction_required', actor: 'system', data: { items } },
          { action: 'resubmit', at: this.at(back, '10:00'), to: 'submitted', actor: 'applicant' },
          { action: 'precheck_pass', at: this.at(back, '10:01'), to: 'awaiting_acceptance', actor: 'system' },
          ...this.afterAcceptance(service, this.wd(back, 1), {}),
        ];
      }
      case 'clerk-correction':
      case 'second-correction': {
        const asked = this.wd(day, 1);
        const back = this.wd(asked, 2);
        const steps: Step[] = [
          ...submit,
          { action: 'request_correction', at: this.at(asked, '10:30'), to: 'correction_required', actor: 'clerk', data: { items } },
          { action: 'resubmit', at: this.at(back, '09:20'), to: 'submitted', actor: 'applicant' },
          { action: 'precheck_pass', at: this.at(back, '09:21'), to: 'awaiting_acceptance', actor: 'system' },
        ];
        let acceptDay = this.wd(back, 1);
        if (outcome === 'second-correction') {
          const again = this.wd(back, 1);
          const back2 = this.wd(again, 2);
          steps.push(
            { action: 'request_correction', at: this.at(again, '10:30'), to: 'correction_required', actor: 'clerk', note: '补正后的材料仍缺少签字页', data: { items } },
            { action: 'resubmit', at: this.at(back2, '09:20'), to: 'submitted', actor: 'applicant' },
            { action: 'precheck_pass', at: this.at(back2, '09:21'), to: 'awaiting_acceptance', actor: 'system' },
          );
          acceptDay = this.wd(back2, 1);
        }
        return [...steps, ...this.afterAcceptance(service, acceptDay, {})];
      }
      case 'refuse':
        return [...submit, { action: 'refuse', at: this.at(this.wd(day, 1), '11:00'), to: 'not_accepted', actor: 'clerk', note: '申请事项不属于本机关职权范围' }];
      case 'withdraw':
        return [...submit, { action: 'withdraw', at: this.at(this.wd(day, 1), '09:15'), to: 'withdrawn', actor: 'applicant' }];
      case 'deny':
        return [...submit, ...this.afterAcceptance(service, this.wd(day, 1), { deny: true })];
      case 'special-procedure':
        return [...submit, ...this.afterAcceptance(service, this.wd(day, 1), { special: true })];
      case 'extension':
        return [...submit, ...this.afterAcceptance(service, this.wd(day, 1), { extend: true, late: true })];
      case 'late':
        return [...submit, ...this.afterAcceptance(service, this.wd(day, 1), { late: true })];
      default:
        return [...submit, ...this.afterAcceptance(service, service.code === 'business-license' ? day : this.wd(day, 1), {})];
    }
  }

  private actor(step: Step, applicant: Applicant): Actor {
    switch (step.actor) {
      case 'applicant':
        return { kind: 'applicant', id: applicant.accountId, name: applicant.name };
      case 'system':
        return SYSTEM;
      default:
        return this.people[step.actor];
    }
  }

  /**
   * One file: its row, its events (cut at `now`), pauses, corrections, seal order and rating, and the queue counter.
   * Returns 1, or 0 for a file whose submission would lie in the future.
   */
  async write(em: EntityManager, spec: FileSpec): Promise<number> {
    // Nothing after `now`; a file is never left in a state only a machine passes through.
    const steps = spec.steps.filter((s) => s.at.getTime() <= this.now.getTime());
    while (steps.length && ['submitted', 'issuing'].includes(steps[steps.length - 1].to)) steps.pop();
    if (steps.length === 0) return 0;
    const service = getService(spec.serviceCode)!;
    const created = new Date((spec.steps[0]?.at ?? this.now).getTime() - 20 * 60_000);
    const firstDay = shanghaiDateOf(created);
    if (!this.earliestDay || firstDay < this.earliestDay) this.earliestDay = firstDay;
    const state: ApplicationState = steps.length ? steps[steps.length - 1].to : 'draft';
    const find = (action: string) => steps.find((s) => s.action === action)?.at ?? null;
    const decided = steps.find((s) => ['approve', 'deny', 'refuse'].includes(s.action))?.at ?? null;
    const extension = spec.extension && steps.some((s) => s.action === 'extend') ? spec.extension : null;
    const [{ id }]: Array<{ id: string }> = await em.query(
      `INSERT INTO applications (number, service_code, state, applicant_id, owner_account_id, filed_by_account_id, form, entity_name, entity_name_key,
                                 applicant_name, project_code, green_channel_reason, contact_phone, clerk_corrections, green_channel,
                                 submitted_at, accepted_at, decided_at, issued_at, extension_working_days, extension_reason, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
      [
        spec.number,
        spec.serviceCode,
        state,
        spec.applicant.applicantId,
        spec.applicant.accountId,
        spec.filedBy ?? null,
        JSON.stringify(spec.form),
        spec.entityName,
        spec.applicant.name,
        spec.projectCode ?? null,
        spec.greenChannel ? (spec.greenChannelReason ?? '绿色通道') : null,
        spec.applicant.phone,
        steps.filter((s) => s.action === 'request_correction').length,
        spec.greenChannel ?? false,
        find('submit'),
        find('accept'),
        decided,
        find('issued'),
        extension?.days ?? 0,
        extension?.reason ?? null,
        created,
        steps.length ? steps[steps.length - 1].at : created,
      ],
    );
    await appendEvent(em, id, { kind: 'applicant', id: spec.applicant.accountId, name: spec.applicant.name }, 'create', null, 'draft', created, null, { number: spec.number });

    let from: ApplicationState = 'draft';
    const pauses: Array<{ reason: string; startedAt: Date; endedAt: Date | null }> = [];
    for (const step of steps) {
      const actor = this.actor(step, spec.applicant);
      await appendEvent(em, id, actor, step.action, from, step.to, step.at, step.note ?? null, step.data ?? {});
      if (step.action === 'precheck_fail' || step.action === 'request_correction') {
        pauses.push({ reason: 'correction', startedAt: step.at, endedAt: null });
        await em.query(
          `INSERT INTO corrections (application_id, source, requested_by, requested_at, items, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, step.action === 'precheck_fail' ? 'precheck' : 'clerk', step.action === 'precheck_fail' ? null : actor.id, step.at, JSON.stringify(step.data?.items ?? []), step.note ?? null],
        );
      }
      if (step.action === 'resubmit') {
        const open = pauses.find((p) => p.reason === 'correction' && !p.endedAt);
        if (open) open.endedAt = step.at;
        await em.query(`UPDATE corrections SET resolved_at = $2 WHERE application_id = $1 AND resolved_at IS NULL`, [id, step.at]);
      }
      if (step.action === 'special_procedure_start') pauses.push({ reason: String(step.data?.kind ?? 'expert_review'), startedAt: step.at, endedAt: null });
      if (step.action === 'special_procedure_end') {
        const open = pauses.find((p) => p.reason !== 'correction' && !p.endedAt);
        if (open) open.endedAt = step.at;
      }
      from = step.to;
    }
    for (const p of pauses) {
      await em.query(`INSERT INTO application_pauses (application_id, reason, started_at, ended_at) VALUES ($1, $2, $3, $4)`, [id, p.reason, p.startedAt, p.endedAt]);
    }

    // The due time the queues sort by, as DeadlinesService keeps it.
    const clockApp = { state, submittedAt: find('submit'), acceptedAt: find('accept'), decidedAt: decided, extensionWorkingDays: extension?.days ?? 0, updatedAt: steps.length ? steps[steps.length - 1].at : created, greenChannel: spec.greenChannel ?? false };
    const dueAt = clockApp.submittedAt ? queueDueAt(clockOf(clockApp, pauses, service, this.now, this.calendar)) : null;
    await em.query(`UPDATE applications SET due_at = $2 WHERE id = $1`, [id, dueAt]);
    await em.query(
      `INSERT INTO queue_counters (service_code, state, count) VALUES ($1, $2, 1) ON CONFLICT (service_code, state) DO UPDATE SET count = queue_counters.count + 1`,
      [spec.serviceCode, state],
    );

    const issuedAt = find('issued');
    if (issuedAt && spec.serviceCode === 'business-license') await this.sealOrder(em, id, spec.entityName, issuedAt);
    if (issuedAt || state === 'denied') await this.rating(em, id, spec.applicant.accountId, decided ?? issuedAt!, spec.number);
    return 1;
  }

  private async sealOrder(em: EntityManager, applicationId: string, entityName: string, issuedAt: Date): Promise<void> {
    const openedAt = new Date(issuedAt.getTime() + 2 * 60_000);
    const opened = shanghaiDateOf(openedAt);
    const madeAt = this.at(this.wd(opened, 1), '11:00');
    const deliveredAt = this.at(this.wd(opened, Number(applicationId.slice(-1).charCodeAt(0) % 3) + 2), '15:00');
    const made = madeAt <= this.now ? madeAt : null;
    const delivered = made && deliveredAt <= this.now ? deliveredAt : null;
    await em.query(
      `INSERT INTO seal_carving_orders (application_id, entity_name, credit_code, seals, status, vendor_id, opened_at, made_at, delivered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [applicationId, entityName, `seeded-${applicationId.slice(0, 8)}`, ['公章', '财务专用章', '发票专用章', '法定代表人名章'], delivered ? 'delivered' : made ? 'made' : 'open', made ? this.people.vendor.id : null, openedAt, made, delivered],
    );
    await appendEvent(em, applicationId, SYSTEM, 'seal_order_opened', 'issued', 'issued', openedAt, null, { seals: ['公章', '财务专用章', '发票专用章', '法定代表人名章'] });
  }

  /** About two in three finished files are rated; every eighth rating is poor and opens a follow-up (closed after 3 working days when that has passed). */
  private async rating(em: EntityManager, applicationId: string, accountId: string, finishedAt: Date, number: string): Promise<void> {
    const [{ exists }]: Array<{ exists: boolean }> = await em.query(`SELECT to_regclass('ratings') IS NOT NULL AS exists`);
    const seq = Number(number.slice(-4));
    if (!exists || seq % 3 === 2) return;
    const level = [5, 5, 4, 5, 3, 4, 5, 2, 5, 4, 5, 1][seq % 12];
    const createdAt = this.at(this.wd(shanghaiDateOf(finishedAt), 1), '20:15');
    if (createdAt > this.now) return;
    const poor = level <= 2;
    const respondedAt = poor ? this.at(this.wd(shanghaiDateOf(createdAt), 3), '16:00') : null;
    const closed = respondedAt && respondedAt <= this.now;
    await em.query(
      `INSERT INTO ratings (application_id, account_id, level, comment, created_at, follow_up_status, response, responded_by, responded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        applicationId,
        accountId,
        level,
        poor ? '窗口等候时间较长，补正要求前后不一致' : level === 5 ? '办事效率高，工作人员耐心' : null,
        createdAt,
        poor ? (closed ? 'closed' : 'open') : null,
        closed ? '已回访申请人，说明补正要求并改进窗口叫号安排' : null,
        closed ? this.people.clerk.id : null,
        closed ? respondedAt : null,
      ],
    );
  }
}

/** Appends one audit event chained to the file's previous one (audit-log.ts's hash), at a given instant. */
async function appendEvent(
  em: EntityManager,
  applicationId: string | null,
  actor: Actor,
  action: string,
  fromState: string | null,
  toState: string | null,
  at: Date,
  note: string | null,
  data: Record<string, unknown> | null,
): Promise<void> {
  const [previous]: Array<{ hash: string }> = applicationId ? await em.query('SELECT hash FROM audit_events WHERE application_id = $1 ORDER BY id DESC LIMIT 1', [applicationId]) : [];
  const event = { applicationId, at, actorKind: actor.kind, actorId: actor.id, actorName: actor.name, action, fromState, toState, note, data };
  const prevHash = previous?.hash ?? null;
  await em.query(
    `INSERT INTO audit_events (application_id, at, actor_kind, actor_id, actor_name, action, from_state, to_state, note, data, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [applicationId, at, actor.kind, actor.id, actor.name, action, fromState, toState, note, data === null ? null : JSON.stringify(data), prevHash, auditEventHash(prevHash, event)],
  );
}
