"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.VerificationAndSealCarving1795828425786 = void 0;
class VerificationAndSealCarving1795828425786 {
    name = 'VerificationAndSealCarving1795828425786';
    async up(queryRunner) {
        await queryRunner.query("CREATE TABLE \"seal_carving_orders\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"application_id\" uuid NOT NULL, \"entity_name\" text NOT NULL, \"credit_code\" text NOT NULL, \"seals\" text array NOT NULL, \"status\" text NOT NULL DEFAULT 'open', \"vendor_id\" uuid, \"opened_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"made_at\" TIMESTAMP WITH TIME ZONE, \"delivered_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_6f5898106bb4f038cc2f830bc02\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"seal_carving_orders_application_key\" ON \"seal_carving_orders\" (\"application_id\") ");
        await queryRunner.query("CREATE INDEX \"seal_carving_orders_status_idx\" ON \"seal_carving_orders\" (\"status\", \"opened_at\") ");
        await queryRunner.query("CREATE TABLE \"verification_checks\" (\"id\" BIGSERIAL NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"license_number\" text NOT NULL, \"result\" text NOT NULL, CONSTRAINT \"PK_e1d6ccafeebe982067545c388f6\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE INDEX \"verification_checks_at_idx\" ON \"verification_checks\" (\"at\") ");
    }
    async down(queryRunner) {
        await queryRunner.query("DROP INDEX \"public\".\"verification_checks_at_idx\"");
        await queryRunner.query("DROP TABLE \"verification_checks\"");
        await queryRunner.query("DROP INDEX \"public\".\"seal_carving_orders_status_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"seal_carving_orders_application_key\"");
        await queryRunner.query("DROP TABLE \"seal_carving_orders\"");
    }
}
exports.VerificationAndSealCarving1795828425786 = VerificationAndSealCarving1795828425786;
