import { MigrationInterface, QueryRunner } from 'typeorm';

export class LeadershipReports1795829325478 implements MigrationInterface {
    name = 'LeadershipReports1795829325478';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"monthly_reports\" (\"month\" text NOT NULL, \"generated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"generated_by\" text NOT NULL, \"calendar\" jsonb NOT NULL, \"report\" jsonb NOT NULL, \"report_sha256\" text NOT NULL, \"pdf_sha256\" text NOT NULL, CONSTRAINT \"PK_74d77fd0c45dda8c0e5bcf04669\" PRIMARY KEY (\"month\"))");
        await queryRunner.query("CREATE TABLE \"daily_service_stats\" (\"day\" date NOT NULL, \"service_code\" text NOT NULL, \"submitted\" integer NOT NULL DEFAULT '0', \"accepted\" integer NOT NULL DEFAULT '0', \"decided\" integer NOT NULL DEFAULT '0', \"decided_on_time\" integer NOT NULL DEFAULT '0', \"issued\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_9f26e39684ab8c9ae9032f4c62e\" PRIMARY KEY (\"day\", \"service_code\"))");
        // A stored month is the record leadership signed off: no role may rewrite or delete it.
        await queryRunner.query("CREATE FUNCTION monthly_reports_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'monthly report % is stored and may not be changed', OLD.month USING ERRCODE = 'insufficient_privilege'; END $$");
        await queryRunner.query("CREATE TRIGGER monthly_reports_immutable BEFORE UPDATE OR DELETE ON \"monthly_reports\" FOR EACH ROW EXECUTE FUNCTION monthly_reports_immutable()");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TRIGGER monthly_reports_immutable ON \"monthly_reports\"");
        await queryRunner.query("DROP FUNCTION monthly_reports_immutable()");
        await queryRunner.query("DROP TABLE \"daily_service_stats\"");
        await queryRunner.query("DROP TABLE \"monthly_reports\"");
    }
}
