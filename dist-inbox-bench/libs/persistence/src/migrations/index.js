"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MIGRATIONS = void 0;
const _1795824455414_initial_1 = require("./1795824455414-initial");
const _1795827461296_license_pdf_after_number_1 = require("./1795827461296-license-pdf-after-number");
const _1795828057923_window_queue_notices_calendar_1 = require("./1795828057923-window-queue-notices-calendar");
const _1795828425786_verification_and_seal_carving_1 = require("./1795828425786-verification-and-seal-carving");
const _1795829110343_ratings_1 = require("./1795829110343-ratings");
const _1795829265224_key_project_register_1 = require("./1795829265224-key-project-register");
const _1795829325478_leadership_reports_1 = require("./1795829325478-leadership-reports");
exports.MIGRATIONS = [
    _1795824455414_initial_1.Initial1795824455414, _1795827461296_license_pdf_after_number_1.LicensePdfAfterNumber1795827461296, _1795828057923_window_queue_notices_calendar_1.WindowQueueNoticesCalendar1795828057923,
    _1795828425786_verification_and_seal_carving_1.VerificationAndSealCarving1795828425786, _1795829110343_ratings_1.Ratings1795829110343, _1795829265224_key_project_register_1.KeyProjectRegister1795829265224,
    _1795829325478_leadership_reports_1.LeadershipReports1795829325478,
];
