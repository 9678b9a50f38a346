export * from './passwords';
export * from './password-policy';
export * from './login-throttle';
export * from './session.service';
export * from './auth.guard';
export * from './accounts.service';
