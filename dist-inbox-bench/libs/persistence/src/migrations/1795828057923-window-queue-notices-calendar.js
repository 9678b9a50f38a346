"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WindowQueueNoticesCalendar1795828057923 = void 0;
class WindowQueueNoticesCalendar1795828057923 {
    name = 'WindowQueueNoticesCalendar1795828057923';
    async up(queryRunner) {
        await queryRunner.query("DROP INDEX \"public\".\"applications_queue_idx\"");
        await queryRunner.query("CREATE TABLE \"key_projects\" (\"project_code\" text NOT NULL, \"name\" text NOT NULL, \"reason\" text NOT NULL, \"marked_by\" uuid NOT NULL, \"helper_ids\" uuid array NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b0dbeade043d49efc4fc32243a7\" PRIMARY KEY (\"project_code\"))");
        await queryRunner.query("CREATE TABLE \"password_tokens\" (\"token_hash\" text NOT NULL, \"account_id\" uuid NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_d32f54ae25a41e7a96c2a3a4ce9\" PRIMARY KEY (\"token_hash\"))");
        await queryRunner.query("CREATE INDEX \"password_tokens_account_idx\" ON \"password_tokens\" (\"account_id\") ");
        await queryRunner.query("CREATE TABLE \"notifications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"account_id\" uuid, \"application_id\" uuid, \"channel\" text NOT NULL, \"recipient\" text NOT NULL, \"template\" text NOT NULL, \"body\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"sent_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_6a72c3c0f683f6462415e653c3a\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"notifications_recipient_idx\" ON \"notifications\" (\"recipient\", \"created_at\") ");
        await queryRunner.query("CREATE INDEX \"notifications_account_idx\" ON \"notifications\" (\"account_id\", \"created_at\") ");
        await queryRunner.query("CREATE TABLE \"notices\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"application_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"number\" text NOT NULL, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"data\" jsonb NOT NULL DEFAULT '{}', \"pdf_sha256\" text, CONSTRAINT \"PK_3eb18c29da25d6935fcbe584237\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"notices_number_key\" ON \"notices\" (\"number\") ");
        await queryRunner.query("CREATE INDEX \"notices_application_idx\" ON \"notices\" (\"application_id\", \"issued_at\") ");
        await queryRunner.query("CREATE TABLE \"calendar_days\" (\"date\" date NOT NULL, \"kind\" text NOT NULL, \"name\" text NOT NULL, \"provisional\" boolean NOT NULL DEFAULT false, CONSTRAINT \"PK_1c04d56e8833eb6827f104f17e0\" PRIMARY KEY (\"date\"))");
        await queryRunner.query("ALTER TABLE \"applications\" ADD \"applicant_name\" text NOT NULL DEFAULT ''");
        await queryRunner.query("ALTER TABLE \"applications\" ADD \"project_code\" text");
        await queryRunner.query("ALTER TABLE \"applications\" ADD \"green_channel_reason\" text");
        await queryRunner.query("ALTER TABLE \"applications\" ADD \"authorization_number\" text");
        await queryRunner.query("DROP INDEX \"public\".\"materials_application_idx\"");
        await queryRunner.query("ALTER TABLE \"materials\" ALTER COLUMN \"application_id\" DROP NOT NULL");
        await queryRunner.query("CREATE INDEX \"applications_project_idx\" ON \"applications\" (\"project_code\") WHERE project_code IS NOT NULL");
        await queryRunner.query("CREATE INDEX \"materials_application_idx\" ON \"materials\" (\"application_id\", \"material_code\") ");
        await queryRunner.query("CREATE INDEX \"applications_inbox_idx\" ON \"applications\" (\"state\", \"green_channel\" DESC, \"due_at\" ASC NULLS LAST, \"id\")");
        await queryRunner.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        await queryRunner.query("CREATE INDEX \"applications_search_name_idx\" ON \"applications\" USING gin (\"entity_name\" gin_trgm_ops)");
        await queryRunner.query("CREATE INDEX \"applications_search_applicant_idx\" ON \"applications\" USING gin (\"applicant_name\" gin_trgm_ops)");
        await queryRunner.query("UPDATE applications a SET applicant_name = p.name FROM applicants p WHERE p.id = a.applicant_id");
        await queryRunner.query("UPDATE applications SET project_code = form->>'projectCode' WHERE form ? 'projectCode'");
        await queryRunner.query(`INSERT INTO calendar_days (date, kind, name, provisional) VALUES
            ('2026-01-01', 'holiday', '元旦', false),
            ('2026-01-02', 'holiday', '元旦', false),
            ('2026-01-03', 'holiday', '元旦', false),
            ('2026-01-04', 'workday', '元旦调休上班', false),
            ('2026-02-15', 'holiday', '春节', false),
            ('2026-02-16', 'holiday', '春节', false),
            ('2026-02-17', 'holiday', '春节', false),
            ('2026-02-18', 'holiday', '春节', false),
            ('2026-02-19', 'holiday', '春节', false),
            ('2026-02-20', 'holiday', '春节', false),
            ('2026-02-21', 'holiday', '春节', false),
            ('2026-02-22', 'holiday', '春节', false),
            ('2026-02-23', 'holiday', '春节', false),
            ('2026-02-14', 'workday', '春节调休上班', false),
            ('2026-02-28', 'workday', '春节调休上班', false),
            ('2026-04-04', 'holiday', '清明节', false),
            ('2026-04-05', 'holiday', '清明节', false),
            ('2026-04-06', 'holiday', '清明节', false),
            ('2026-05-01', 'holiday', '劳动节', false),
            ('2026-05-02', 'holiday', '劳动节', false),
            ('2026-05-03', 'holiday', '劳动节', false),
            ('2026-05-04', 'holiday', '劳动节', false),
            ('2026-05-05', 'holiday', '劳动节', false),
            ('2026-05-09', 'workday', '劳动节调休上班', false),
            ('2026-06-19', 'holiday', '端午节', false),
            ('2026-06-20', 'holiday', '端午节', false),
            ('2026-06-21', 'holiday', '端午节', false),
            ('2026-09-25', 'holiday', '中秋节', false),
            ('2026-09-26', 'holiday', '中秋节', false),
            ('2026-09-27', 'holiday', '中秋节', false),
            ('2026-10-01', 'holiday', '国庆节', false),
            ('2026-10-02', 'holiday', '国庆节', false),
            ('2026-10-03', 'holiday', '国庆节', false),
            ('2026-10-04', 'holiday', '国庆节', false),
            ('2026-10-05', 'holiday', '国庆节', false),
            ('2026-10-06', 'holiday', '国庆节', false),
            ('2026-10-07', 'holiday', '国庆节', false),
            ('2026-09-20', 'workday', '国庆节调休上班', false),
            ('2026-10-10', 'workday', '国庆节调休上班', false),
            ('2027-01-01', 'holiday', '元旦', true),
            ('2027-05-01', 'holiday', '劳动节', true),
            ('2027-05-02', 'holiday', '劳动节', true),
            ('2027-10-01', 'holiday', '国庆节', true),
            ('2027-10-02', 'holiday', '国庆节', true),
            ('2027-10-03', 'holiday', '国庆节', true)
            ON CONFLICT (date) DO NOTHING`);
    }
    async down(queryRunner) {
        await queryRunner.query("DROP INDEX \"applications_search_applicant_idx\"");
        await queryRunner.query("DROP INDEX \"applications_search_name_idx\"");
        await queryRunner.query("DROP INDEX \"applications_inbox_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"materials_application_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"applications_project_idx\"");
        await queryRunner.query("ALTER TABLE \"materials\" ALTER COLUMN \"application_id\" SET NOT NULL");
        await queryRunner.query("CREATE INDEX \"materials_application_idx\" ON \"materials\" (\"application_id\", \"material_code\") ");
        await queryRunner.query("ALTER TABLE \"applications\" DROP COLUMN \"authorization_number\"");
        await queryRunner.query("ALTER TABLE \"applications\" DROP COLUMN \"green_channel_reason\"");
        await queryRunner.query("ALTER TABLE \"applications\" DROP COLUMN \"project_code\"");
        await queryRunner.query("ALTER TABLE \"applications\" DROP COLUMN \"applicant_name\"");
        await queryRunner.query("DROP TABLE \"calendar_days\"");
        await queryRunner.query("DROP INDEX \"public\".\"notices_application_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"notices_number_key\"");
        await queryRunner.query("DROP TABLE \"notices\"");
        await queryRunner.query("DROP INDEX \"public\".\"notifications_account_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"notifications_recipient_idx\"");
        await queryRunner.query("DROP TABLE \"notifications\"");
        await queryRunner.query("DROP INDEX \"public\".\"password_tokens_account_idx\"");
        await queryRunner.query("DROP TABLE \"password_tokens\"");
        await queryRunner.query("DROP TABLE \"key_projects\"");
        await queryRunner.query("CREATE INDEX \"applications_queue_idx\" ON \"applications\" (\"id\", \"state\", \"green_channel\", \"due_at\") ");
    }
}
exports.WindowQueueNoticesCalendar1795828057923 = WindowQueueNoticesCalendar1795828057923;
