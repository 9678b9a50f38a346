import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795824455414 implements MigrationInterface {
    name = 'Initial1795824455414';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"accounts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" text NOT NULL, \"name\" text NOT NULL, \"username\" text, \"phone\" text, \"id_number\" text, \"password_hash\" text, \"roles\" text array NOT NULL DEFAULT '{}', \"sections\" text array NOT NULL DEFAULT '{}', \"disabled_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5a7a02c20412299d198e097a8fe\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"accounts_username_key\" ON \"accounts\" (\"username\") WHERE username IS NOT NULL");
        await queryRunner.query("CREATE UNIQUE INDEX \"accounts_phone_key\" ON \"accounts\" (\"phone\") WHERE phone IS NOT NULL");
        await queryRunner.query("CREATE UNIQUE INDEX \"accounts_id_number_key\" ON \"accounts\" (\"id_number\") WHERE id_number IS NOT NULL");
        await queryRunner.query("CREATE TABLE \"applicants\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" text NOT NULL, \"name\" text NOT NULL, \"id_number\" text, \"credit_code\" text, \"phone\" text NOT NULL, \"account_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c02ec3c46124479ce758ca50943\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"applicants_id_number_key\" ON \"applicants\" (\"id_number\") WHERE id_number IS NOT NULL");
        await queryRunner.query("CREATE UNIQUE INDEX \"applicants_credit_code_key\" ON \"applicants\" (\"credit_code\") WHERE credit_code IS NOT NULL");
        await queryRunner.query("CREATE INDEX \"applicants_account_id_idx\" ON \"applicants\" (\"account_id\") ");
        await queryRunner.query("CREATE TABLE \"application_pauses\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"application_id\" uuid NOT NULL, \"reason\" text NOT NULL, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ended_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_54e2851f34d69b05cd15089c4e4\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"application_pauses_application_idx\" ON \"application_pauses\" (\"application_id\") ");
        await queryRunner.query("CREATE TABLE \"applications\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"number\" text NOT NULL, \"service_code\" text NOT NULL, \"state\" text NOT NULL, \"applicant_id\" uuid NOT NULL, \"owner_account_id\" uuid NOT NULL, \"filed_by_account_id\" uuid, \"form\" jsonb NOT NULL DEFAULT '{}', \"entity_name\" text, \"entity_name_key\" text, \"contact_phone\" text NOT NULL, \"claim_holder_id\" uuid, \"claimed_at\" TIMESTAMP WITH TIME ZONE, \"clerk_corrections\" integer NOT NULL DEFAULT '0', \"green_channel\" boolean NOT NULL DEFAULT false, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"accepted_at\" TIMESTAMP WITH TIME ZONE, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"issued_at\" TIMESTAMP WITH TIME ZONE, \"extension_working_days\" integer NOT NULL DEFAULT '0', \"extension_reason\" text, \"due_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_938c0a27255637bde919591888f\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"applications_number_key\" ON \"applications\" (\"number\") ");
        await queryRunner.query("CREATE INDEX \"applications_owner_idx\" ON \"applications\" (\"owner_account_id\") ");
        await queryRunner.query("CREATE INDEX \"applications_name_key_idx\" ON \"applications\" (\"entity_name_key\", \"service_code\") ");
        await queryRunner.query("CREATE INDEX \"applications_queue_idx\" ON \"applications\" (\"state\", \"green_channel\", \"due_at\", \"id\") ");
        await queryRunner.query("CREATE TABLE \"audit_daily_digests\" (\"day\" date NOT NULL, \"event_count\" integer NOT NULL, \"digest\" text NOT NULL, \"computed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_c2da769433435b3531d8b598af8\" PRIMARY KEY (\"day\"))");
        await queryRunner.query("CREATE TABLE \"audit_events\" (\"id\" BIGSERIAL NOT NULL, \"application_id\" uuid, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"actor_kind\" text NOT NULL, \"actor_id\" uuid, \"actor_name\" text, \"action\" text NOT NULL, \"from_state\" text, \"to_state\" text, \"note\" text, \"data\" jsonb, \"prev_hash\" text, \"hash\" text NOT NULL, CONSTRAINT \"PK_910f64d901a5c3e9878f0d4a407\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"audit_events_at_idx\" ON \"audit_events\" (\"at\") ");
        await queryRunner.query("CREATE INDEX \"audit_events_application_idx\" ON \"audit_events\" (\"application_id\", \"id\") ");
        await queryRunner.query("CREATE TABLE \"corrections\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"application_id\" uuid NOT NULL, \"source\" text NOT NULL, \"requested_by\" uuid, \"requested_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"items\" jsonb NOT NULL, \"reason\" text, \"resolved_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_c362438b2b0fcce02e21e4c24c9\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"corrections_application_idx\" ON \"corrections\" (\"application_id\") ");
        await queryRunner.query("CREATE TABLE \"idempotency_keys\" (\"account_id\" uuid NOT NULL, \"key\" text NOT NULL, \"request_hash\" text NOT NULL, \"status_code\" integer, \"response_body\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_797bef48c094807d04973d995e9\" PRIMARY KEY (\"account_id\", \"key\"))");
        await queryRunner.query("CREATE TABLE \"licenses\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"application_id\" uuid NOT NULL, \"number\" text NOT NULL, \"service_code\" text NOT NULL, \"holder_name\" text NOT NULL, \"credit_code\" text, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"valid_until\" date, \"signed_payload\" text NOT NULL, \"signature\" text NOT NULL, \"key_id\" text NOT NULL, \"pdf_sha256\" text NOT NULL, \"pdf_size_bytes\" integer NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoke_reason\" text, CONSTRAINT \"PK_da5021501ce80efa03de6f40086\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"licenses_application_key\" ON \"licenses\" (\"application_id\") ");
        await queryRunner.query("CREATE UNIQUE INDEX \"licenses_number_key\" ON \"licenses\" (\"number\") ");
        await queryRunner.query("CREATE TABLE \"materials\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"application_id\" uuid NOT NULL, \"material_code\" text NOT NULL, \"file_name\" text NOT NULL, \"mime_type\" text NOT NULL, \"size_bytes\" bigint NOT NULL, \"sha256\" text NOT NULL, \"uploaded_by\" uuid NOT NULL, \"uploaded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_2fd1a93ecb222a28bef28663fa0\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"materials_application_idx\" ON \"materials\" (\"application_id\", \"material_code\") ");
        await queryRunner.query("CREATE TABLE \"number_counters\" (\"scope\" text NOT NULL, \"value\" bigint NOT NULL, CONSTRAINT \"PK_372b49b81d31f23c6d49a2b46ba\" PRIMARY KEY (\"scope\"))");
        await queryRunner.query("CREATE TABLE \"outbox\" (\"id\" BIGSERIAL NOT NULL, \"queue\" text NOT NULL, \"job_name\" text NOT NULL, \"payload\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"sent_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_340ab539f309f03bdaa14aa7649\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"outbox_unsent_idx\" ON \"outbox\" (\"id\") WHERE sent_at IS NULL");
        await queryRunner.query("CREATE TABLE \"queue_counters\" (\"service_code\" text NOT NULL, \"state\" text NOT NULL, \"count\" bigint NOT NULL DEFAULT '0', CONSTRAINT \"PK_22b011c262552695fb9a7518b5d\" PRIMARY KEY (\"service_code\", \"state\"))");
        await queryRunner.query("CREATE TABLE \"sessions\" (\"token_hash\" text NOT NULL, \"account_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_abaa9e068cdd390bc5210f79884\" PRIMARY KEY (\"token_hash\"))");
        await queryRunner.query("CREATE INDEX \"sessions_account_id_idx\" ON \"sessions\" (\"account_id\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"public\".\"sessions_account_id_idx\"");
        await queryRunner.query("DROP TABLE \"sessions\"");
        await queryRunner.query("DROP TABLE \"queue_counters\"");
        await queryRunner.query("DROP INDEX \"public\".\"outbox_unsent_idx\"");
        await queryRunner.query("DROP TABLE \"outbox\"");
        await queryRunner.query("DROP TABLE \"number_counters\"");
        await queryRunner.query("DROP INDEX \"public\".\"materials_application_idx\"");
        await queryRunner.query("DROP TABLE \"materials\"");
        await queryRunner.query("DROP INDEX \"public\".\"licenses_number_key\"");
        await queryRunner.query("DROP INDEX \"public\".\"licenses_application_key\"");
        await queryRunner.query("DROP TABLE \"licenses\"");
        await queryRunner.query("DROP TABLE \"idempotency_keys\"");
        await queryRunner.query("DROP INDEX \"public\".\"corrections_application_idx\"");
        await queryRunner.query("DROP TABLE \"corrections\"");
        await queryRunner.query("DROP INDEX \"public\".\"audit_events_application_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"audit_events_at_idx\"");
        await queryRunner.query("DROP TABLE \"audit_events\"");
        await queryRunner.query("DROP TABLE \"audit_daily_digests\"");
        await queryRunner.query("DROP INDEX \"public\".\"applications_queue_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"applications_name_key_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"applications_owner_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"applications_number_key\"");
        await queryRunner.query("DROP TABLE \"applications\"");
        await queryRunner.query("DROP INDEX \"public\".\"application_pauses_application_idx\"");
        await queryRunner.query("DROP TABLE \"application_pauses\"");
        await queryRunner.query("DROP INDEX \"public\".\"applicants_account_id_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"applicants_credit_code_key\"");
        await queryRunner.query("DROP INDEX \"public\".\"applicants_id_number_key\"");
        await queryRunner.query("DROP TABLE \"applicants\"");
        await queryRunner.query("DROP INDEX \"public\".\"accounts_id_number_key\"");
        await queryRunner.query("DROP INDEX \"public\".\"accounts_phone_key\"");
        await queryRunner.query("DROP INDEX \"public\".\"accounts_username_key\"");
        await queryRunner.query("DROP TABLE \"accounts\"");
    }
}
