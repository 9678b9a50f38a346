"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LicensePdfAfterNumber1795827461296 = void 0;
class LicensePdfAfterNumber1795827461296 {
    name = 'LicensePdfAfterNumber1795827461296';
    async up(queryRunner) {
        await queryRunner.query("ALTER TABLE \"licenses\" ALTER COLUMN \"pdf_sha256\" DROP NOT NULL");
        await queryRunner.query("ALTER TABLE \"licenses\" ALTER COLUMN \"pdf_size_bytes\" DROP NOT NULL");
    }
    async down(queryRunner) {
        await queryRunner.query("ALTER TABLE \"licenses\" ALTER COLUMN \"pdf_size_bytes\" SET NOT NULL");
        await queryRunner.query("ALTER TABLE \"licenses\" ALTER COLUMN \"pdf_sha256\" SET NOT NULL");
    }
}
exports.LicensePdfAfterNumber1795827461296 = LicensePdfAfterNumber1795827461296;
