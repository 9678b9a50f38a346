/**
 * Bulk applications for benchmarks and the inbox test: INSERT … SELECT generate_series, so the
 * rows are made inside PostgreSQL (no client round trip per row). Values are deterministic
 * functions of the row's index (hashint8 as a cheap pseudo-random source), so two seedings of
 * the same N hold the same data apart from the generated ids.
 */
import { SERVICE_CODES } from '@onewindow/domain';

export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

export interface SeedOptions {
  /** Rows to insert, with indexes firstIndex … firstIndex + count − 1. */
  count: number;
  firstIndex?: number;
  /** Staff who hold claims: about 30 % of the files in a queue are claimed, spread over these. */
  claimHolders: readonly string[];
  /** Due times: this instant ± whole days (−20 … 20), 10 % of them 1–720 minutes later; none falls in the 12 hours before it. */
  dueBase: Date;
  applicantId: string;
  ownerAccountId: string;
  batchSize?: number;
  onProgress?: (inserted: number) => void;
}

/** Share (per mille) of each state; the three queue states hold 40 % of the files. */
export const SEED_STATE_MIX: ReadonlyArray<readonly [string, number]> = [
  ['draft', 40],
  ['submitted', 20],
  ['correction_required', 40],
  ['awaiting_acceptance', 160],
  ['under_review', 160],
  ['awaiting_seal', 80],
  ['issuing', 10],
  ['issued', 350],
  ['not_accepted', 30],
  ['denied', 30],
  ['withdrawn', 40],
  ['revoked', 40],
];

/** Characters the seeded names are made of (no digits or Latin letters, as names must be). */
const NAME_CHARS = '晋北朔平鲁桑干恒山雁门塞外黄河汾阳云冈五台太行吕梁沁源长治运城临汾泉忻州大同华兴盛达丰安泰和';
/** One per service, in SERVICE_CODES order: a food permit goes to a restaurant, a social group is an association. */
const NAME_ENDINGS = ['商贸有限公司', '餐饮店', '新材料有限公司', '房地产开发有限公司', '建设工程有限公司', '建筑安装有限公司', '社会工作服务中心', '协会'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧';
const GIVEN = '建国海军伟芳娜秀英敏静丽强磊洋艳勇杰娟涛明超秀兰霞平刚桂英华玉萍红';

/** Days over which application numbers are spread (numbers are division code + date + daily sequence). */
const NUMBER_DAYS = 500;

export async function seedApplications(db: Queryable, options: SeedOptions): Promise<void> {
  const first = options.firstIndex ?? 1;
  const batch = options.batchSize ?? 100_000;
  const perDay = Math.ceil((first + options.count) / NUMBER_DAYS);
  if (perDay > 999_999) throw new RangeError('too many applications for a six-digit daily sequence');
  const cumulative: string[] = [];
  let upTo = 0;
  for (const [state, share] of SEED_STATE_MIX) {
    upTo += share;
    cumulative.push(`WHEN h2 % 1000 < ${upTo} THEN '${state}'`);
  }
  for (let from = first; from < first + options.count; from += batch) {
    const to = Math.min(from + batch, first + options.count) - 1;
    await db.query(
      `INSERT INTO applications (number, service_code, state, applicant_id, owner_account_id, form, entity_name, entity_name_key,
                                 applicant_name, contact_phone, claim_holder_id, claimed_at, green_channel, submitted_at,
                                 accepted_at, decided_at, due_at, created_at, updated_at)
       SELECT number, service_code, state, $4::uuid, $5::uuid, '{}'::jsonb, entity_name, entity_name, applicant_name, contact_phone,
              claim_holder_id, CASE WHEN claim_holder_id IS NOT NULL THEN due_at - interval '3 days' END, green_channel,
              CASE WHEN state <> 'draft' THEN due_at - interval '7 days' END,
              CASE WHEN state IN ('under_review', 'awaiting_seal', 'issuing', 'issued', 'denied', 'revoked') THEN due_at - interval '20 days' END,
              CASE WHEN state IN ('awaiting_seal', 'issuing', 'issued', 'denied', 'revoked', 'not_accepted') THEN due_at - interval '2 days' END,
              due_at, coalesce(due_at, $3::timestamptz) - interval '30 days', coalesce(due_at, $3::timestamptz) - interval '1 day'
         FROM (
           SELECT i,
                  '140603' || to_char(date '2025-01-01' + (i % ${NUMBER_DAYS})::int, 'YYYYMMDD') || lpad((i / ${NUMBER_DAYS})::text, 6, '0') AS number,
                  service_code,
                  -- Investment filings have no review step: their reviewed files wait for the seal.
                  CASE WHEN state = 'under_review' AND service_code = 'investment-filing' THEN 'awaiting_seal' ELSE state END AS state,
                  '朔州市平鲁区' || substr($6::text, 1 + h3 % ${NAME_CHARS.length}, 1) || substr($6::text, 1 + h4 % ${NAME_CHARS.length}, 1)
                    || substr($6::text, 1 + h5 % ${NAME_CHARS.length}, 1) || ($7::text[])[1 + h1 % ${NAME_ENDINGS.length}] AS entity_name,
                  substr($8::text, 1 + (h4 / 64) % ${SURNAMES.length}, 1) || substr($9::text, 1 + (h5 / 64) % ${GIVEN.length}, 1)
                    || CASE WHEN (h3 / 64) % 3 = 0 THEN '' ELSE substr($9::text, 1 + (h1 / 64) % ${GIVEN.length}, 1) END AS applicant_name,
                  '139' || lpad((i % 100000000)::text, 8, '0') AS contact_phone,
                  CASE WHEN state IN ('awaiting_acceptance', 'under_review', 'awaiting_seal') AND h6 % 10 < 3
                       THEN ($10::uuid[])[1 + h6 % cardinality($10::uuid[])] END AS claim_holder_id,
                  h7 % 100 < 8 AS green_channel,
                  CASE WHEN state = 'draft' OR h8 % 200 = 0 THEN NULL
                       -- 90 % on one of 41 instants (ties across page boundaries), the rest up to 12 hours later.
                       WHEN h8 % 10 < 9 THEN $3::timestamptz + (h8 % 41 - 20) * interval '1 day'
                       ELSE $3::timestamptz + (h8 % 41 - 20) * interval '1 day' + (1 + h9 % 720) * interval '1 minute' END AS due_at
             FROM (
               SELECT i, h1, h2, h3, h4, h5, h6, h7, h8, h9,
                      ($11::text[])[1 + h1 % ${SERVICE_CODES.length}] AS service_code,
                      CASE ${cumulative.join(' ')} END AS state
                 FROM (
                   SELECT i,
                          (hashint8(i) & 2147483647) AS h1,
                          (hashint8(i + 1000003) & 2147483647) AS h2,
                          (hashint8(i + 2000006) & 2147483647) AS h3,
                          (hashint8(i + 3000009) & 2147483647) AS h4,
                          (hashint8(i + 4000012) & 2147483647) AS h5,
                          (hashint8(i + 5000015) & 2147483647) AS h6,
                          (hashint8(i + 6000018) & 2147483647) AS h7,
                          (hashint8(i + 7000021) & 2147483647) AS h8,
                          (hashint8(i + 8000024) & 2147483647) AS h9
                     FROM generate_series($1::bigint, $2::bigint) AS i
                 ) hashed
             ) picked
         ) seeded`,
      [
        from,
        to,
        options.dueBase,
        options.applicantId,
        options.ownerAccountId,
        NAME_CHARS,
        NAME_ENDINGS,
        SURNAMES,
        GIVEN,
        options.claimHolders,
        SERVICE_CODES,
      ],
    );
    options.onProgress?.(to - first + 1);
  }
}

/** Sets queue_counters to the files each (service, state) holds, as the transitions would have kept them. */
export async function rebuildQueueCounters(db: Queryable): Promise<void> {
  await db.query(
    `INSERT INTO queue_counters (service_code, state, count)
     SELECT service_code, state, count(*) FROM applications GROUP BY service_code, state
     ON CONFLICT (service_code, state) DO UPDATE SET count = EXCLUDED.count`,
  );
}

/**
 * Sets daily_service_stats to what the transitions would have added for the seeded files: a submission on its
 * submitted_at's local day, an acceptance on accepted_at's, a decision (on time when before its due time) and an
 * issue on decided_at's. Replaces every row, so running it again changes nothing.
 */
export async function rebuildDailyServiceStats(db: Queryable): Promise<void> {
  await db.query('DELETE FROM daily_service_stats');
  await db.query(
    `INSERT INTO daily_service_stats (day, service_code, submitted, accepted, decided, decided_on_time, issued)
     SELECT day, service_code, sum(submitted), sum(accepted), sum(decided), sum(decided_on_time), sum(issued)
       FROM (
         SELECT (submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS day, service_code, 1 AS submitted, 0 AS accepted, 0 AS decided, 0 AS decided_on_time, 0 AS issued
           FROM applications WHERE submitted_at IS NOT NULL
         UNION ALL
         SELECT (accepted_at AT TIME ZONE 'Asia/Shanghai')::date, service_code, 0, 1, 0, 0, 0 FROM applications WHERE accepted_at IS NOT NULL
         UNION ALL
         SELECT (decided_at AT TIME ZONE 'Asia/Shanghai')::date, service_code, 0, 0, 1, (due_at IS NOT NULL AND decided_at <= due_at)::int,
                (state IN ('issued', 'revoked'))::int
           FROM applications WHERE decided_at IS NOT NULL
       ) facts
      GROUP BY day, service_code`,
  );
}
