import { MigrationInterface, QueryRunner } from 'typeorm';

export class LeadershipReports1795832175754 implements MigrationInterface {
    name = 'LeadershipReports1795832175754';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"monthly_reports\" (\"month\" text NOT NULL, \"generated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"generated_by\" text NOT NULL, \"calendar\" jsonb NOT NULL, \"report\" jsonb NOT NULL, \"report_sha256\" text NOT NULL, \"pdf_sha256\" text NOT NULL, CONSTRAINT \"PK_74d77fd0c45dda8c0e5bcf04669\" PRIMARY KEY (\"month\"))");
        await queryRunner.query("CREATE TABLE \"daily_service_stats\" (\"day\" date NOT NULL, \"service_code\" text NOT NULL, \"submitted\" integer NOT NULL DEFAULT '0', \"accepted\" integer NOT NULL DEFAULT '0', \"decided\" integer NOT NULL DEFAULT '0', \"decided_on_time\" integer NOT NULL DEFAULT '0', \"issued\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_9f26e39684ab8c9ae9032f4c62e\" PRIMARY KEY (\"day\", \"service_code\"))");
        await queryRunner.query("CREATE TABLE \"clock_due_counters\" (\"service_code\" text NOT NULL, \"state\" text NOT NULL, \"green_channel\" boolean NOT NULL, \"due_on\" date NOT NULL, \"count\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_489b068eed384284b4a6c891b13\" PRIMARY KEY (\"service_code\", \"state\", \"green_channel\", \"due_on\"))");
        // Kept by statement triggers on applications, in the transaction of every change (see ClockDueCounterEntity).
        // Rows go in key order, so two transactions never take two counters in opposite orders within one statement.
        // A transition table exists only for the events its trigger declares: one branch each.
        await queryRunner.query(`
            CREATE FUNCTION clock_due_counters_apply() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                INSERT INTO clock_due_counters AS c (service_code, state, green_channel, due_on, count)
                SELECT service_code, state, green_channel, due_on, sum(delta) FROM (SELECT service_code, state, green_channel, (due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_on, 1 AS delta FROM new_rows WHERE due_at IS NOT NULL AND state IN ('submitted', 'awaiting_acceptance', 'under_review')) changes
                GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
                ON CONFLICT (service_code, state, green_channel, due_on) DO UPDATE SET count = c.count + EXCLUDED.count;
              ELSIF TG_OP = 'DELETE' THEN
                INSERT INTO clock_due_counters AS c (service_code, state, green_channel, due_on, count)
                SELECT service_code, state, green_channel, due_on, sum(delta) FROM (SELECT service_code, state, green_channel, (due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_on, -1 AS delta FROM old_rows WHERE due_at IS NOT NULL AND state IN ('submitted', 'awaiting_acceptance', 'under_review')) changes
                GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
                ON CONFLICT (service_code, state, green_channel, due_on) DO UPDATE SET count = c.count + EXCLUDED.count;
              ELSE
                INSERT INTO clock_due_counters AS c (service_code, state, green_channel, due_on, count)
                SELECT service_code, state, green_channel, due_on, sum(delta) FROM (SELECT service_code, state, green_channel, (due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_on, -1 AS delta FROM old_rows WHERE due_at IS NOT NULL AND state IN ('submitted', 'awaiting_acceptance', 'under_review') UNION ALL SELECT service_code, state, green_channel, (due_at AT TIME ZONE 'Asia/Shanghai')::date AS due_on, 1 AS delta FROM new_rows WHERE due_at IS NOT NULL AND state IN ('submitted', 'awaiting_acceptance', 'under_review')) changes
                GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3, 4
                ON CONFLICT (service_code, state, green_channel, due_on) DO UPDATE SET count = c.count + EXCLUDED.count;
              END IF;
              RETURN NULL;
            END $$`);
        await queryRunner.query("CREATE TRIGGER clock_due_counters_insert AFTER INSERT ON \"applications\" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION clock_due_counters_apply()");
        await queryRunner.query("CREATE TRIGGER clock_due_counters_update AFTER UPDATE ON \"applications\" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION clock_due_counters_apply()");
        await queryRunner.query("CREATE TRIGGER clock_due_counters_delete AFTER DELETE ON \"applications\" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION clock_due_counters_apply()");
        await queryRunner.query("INSERT INTO clock_due_counters (service_code, state, green_channel, due_on, count) SELECT service_code, state, green_channel, (due_at AT TIME ZONE 'Asia/Shanghai')::date, count(*) FROM applications WHERE due_at IS NOT NULL AND state IN ('submitted', 'awaiting_acceptance', 'under_review') GROUP BY 1, 2, 3, 4");
        // A stored month is the record leadership signed off: no role may rewrite or delete it.
        await queryRunner.query("CREATE FUNCTION monthly_reports_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'monthly report % is stored and may not be changed', OLD.month USING ERRCODE = 'insufficient_privilege'; END $$");
        await queryRunner.query("CREATE TRIGGER monthly_reports_immutable BEFORE UPDATE OR DELETE ON \"monthly_reports\" FOR EACH ROW EXECUTE FUNCTION monthly_reports_immutable()");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TRIGGER monthly_reports_immutable ON \"monthly_reports\"");
        await queryRunner.query("DROP FUNCTION monthly_reports_immutable()");
        await queryRunner.query("DROP TRIGGER clock_due_counters_delete ON \"applications\"");
        await queryRunner.query("DROP TRIGGER clock_due_counters_update ON \"applications\"");
        await queryRunner.query("DROP TRIGGER clock_due_counters_insert ON \"applications\"");
        await queryRunner.query("DROP FUNCTION clock_due_counters_apply()");
        await queryRunner.query("DROP TABLE \"clock_due_counters\"");
        await queryRunner.query("DROP TABLE \"daily_service_stats\"");
        await queryRunner.query("DROP TABLE \"monthly_reports\"");
    }
}
