export const STAFF_SESSION_COOKIE = 'ow_staff_session';
