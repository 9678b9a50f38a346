import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseNotes1795836232388 implements MigrationInterface {
    name = 'CaseNotes1795836232388';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"case_notes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"application_id\" uuid NOT NULL, \"author_id\" uuid NOT NULL, \"author_name\" text NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"case_notes_pkey\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"case_notes_application_idx\" ON \"case_notes\" (\"application_id\", \"created_at\") ");
        // A note between staff is never edited nor removed, by any role: what was written stays.
        await queryRunner.query("CREATE FUNCTION case_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'case notes are append-only' USING ERRCODE = 'insufficient_privilege'; END $$");
        await queryRunner.query("CREATE TRIGGER case_notes_append_only BEFORE UPDATE OR DELETE ON \"case_notes\" FOR EACH ROW EXECUTE FUNCTION case_notes_append_only()");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP TRIGGER case_notes_append_only ON \"case_notes\"");
        await queryRunner.query("DROP FUNCTION case_notes_append_only()");
        await queryRunner.query("DROP INDEX \"public\".\"case_notes_application_idx\"");
        await queryRunner.query("DROP TABLE \"case_notes\"");
    }
}
