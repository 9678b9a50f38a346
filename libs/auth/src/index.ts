export * from './passwords';
export * from './session.service';
export * from './auth.guard';
export * from './accounts.service';
