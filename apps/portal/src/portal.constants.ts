export const PORTAL_SESSION_COOKIE = 'ow_session';
