// The few calls of lunar-javascript (a dev dependency, which ships no types) that calendar.test.ts makes.
declare module 'lunar-javascript' {
  interface Solar {
    toYmd(): string;
  }
  interface Lunar {
    getSolar(): Solar;
    getJieQiTable(): Record<string, Solar>;
  }
  export const Lunar: { fromYmd(year: number, month: number, day: number): Lunar };
}
