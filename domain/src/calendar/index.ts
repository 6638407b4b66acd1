// The working-day calendar: Asia/Shanghai dates, the statutory public holidays of any year, the State
// Council's yearly notices, and the arithmetic every deadline uses. Pure.
export * from './working-days';
export * from './statutory';
export * from './notices';
export * from './arrangement';
export * from './lunar-table';
