// Cron and maintenance-window helpers, one copy for every component that schedules something.

/** The hour field of a 5-field cron schedule (`m h dom mon dow`), or `fallback` when it is not a plain hour. */
export function cronHour(schedule: string, fallback = 2): number {
  const hour = Number(schedule.trim().split(/\s+/)[1]);
  return Number.isInteger(hour) && hour >= 0 && hour <= 23 ? hour : fallback;
}

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const hh = (hour: number) => `${String(((hour % 24) + 24) % 24).padStart(2, "0")}:00`;

/** A one-hour daily window `hh:00-hh:00` (UTC), as RDS and ElastiCache take it. */
export function dailyWindow(hour: number): string {
  return `${hh(hour)}-${hh(hour + 1)}`;
}

/** A one-hour weekly window `ddd:hh:00-ddd:hh:00` (UTC), rolling over to the next day at midnight. */
export function weeklyWindow(day: Weekday, hour: number): string {
  const next = WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % WEEKDAYS.length] ?? day;
  return `${day}:${hh(hour)}-${hour % 24 === 23 ? next : day}:${hh(hour + 1)}`;
}

/** `hh:00` in UTC. */
export function hourOfDay(hour: number): string {
  return hh(hour);
}
