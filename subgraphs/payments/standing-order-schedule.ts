/**
 * @module When a standing order executes: its nominal due dates from startDate by frequency (monthly
 * ones on dayOfExecution, 31 meaning the month's last day), until endDate, each moved off a weekend by
 * the execution rule. Working days are Monday to Friday (no holiday calendar).
 */
import { ExecutionRule, Frequency } from "./entities/payment-enums.js";

export interface StandingOrderTerms {
  startDate: string;
  endDate: string | null;
  frequency: Frequency;
  executionRule: ExecutionRule | null;
  dayOfExecution: number | null;
  monthsOfExecution: number[] | null;
}

export interface DueInstalment {
  dueDate: string;
  executionDate: string;
}

const DAY = 86_400_000;
const MONTHS: Partial<Record<Frequency, number>> = {
  [Frequency.MONTHLY]: 1,
  [Frequency.MONTHLY_VARIABLE]: 1,
  [Frequency.EVERY_TWO_MONTHS]: 2,
  [Frequency.QUARTERLY]: 3,
  [Frequency.SEMI_ANNUAL]: 6,
  [Frequency.ANNUAL]: 12,
};
const DAYS: Partial<Record<Frequency, number>> = { [Frequency.DAILY]: 1, [Frequency.WEEKLY]: 7, [Frequency.EVERY_TWO_WEEKS]: 14 };

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const format = (date: Date) => date.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => format(new Date(toDate(day).getTime() + n * DAY));
const weekday = (day: string) => toDate(day).getUTCDay();
const isWeekend = (day: string) => weekday(day) === 0 || weekday(day) === 6;

/** The working day a due date executes on: a Saturday or Sunday moves to Monday (following, the default) or Friday (preceding). */
export function executionDateOf(dueDate: string, rule: ExecutionRule | null): string {
  if (!isWeekend(dueDate)) return dueDate;
  if (rule === ExecutionRule.PRECEDING) return addDays(dueDate, weekday(dueDate) === 6 ? -1 : -2);
  return addDays(dueDate, weekday(dueDate) === 6 ? 2 : 1);
}

/** Day `day` of the month `monthIndex` months after January of year 0, clamped to the month's last day. */
function monthDay(year: number, month: number, day: number): string {
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(year, month, Math.min(day, last))));
}

/** Nominal due dates in order, starting at startDate, ending at endDate or after `limit` dates. */
export function* nominalDates(terms: StandingOrderTerms, limit = 1000): Generator<string> {
  const end = terms.endDate ?? "9999-12-31";
  let count = 0;
  const step = DAYS[terms.frequency];
  if (step) {
    for (let day = terms.startDate; day <= end && count < limit; day = addDays(day, step)) {
      // A daily order runs on working days only; weekly ones keep their weekday, moved by the rule.
      if (terms.frequency === Frequency.DAILY && isWeekend(day)) continue;
      count++;
      yield day;
    }
    return;
  }
  const months = MONTHS[terms.frequency]!;
  const start = toDate(terms.startDate);
  const day = terms.dayOfExecution ?? start.getUTCDate();
  for (let i = 0; count < limit && i < limit * 12; i += months) {
    const year = start.getUTCFullYear() + Math.floor((start.getUTCMonth() + i) / 12);
    const month = (start.getUTCMonth() + i) % 12;
    const date = monthDay(year, month, day);
    if (date > end) return;
    if (date < terms.startDate) continue;
    if (terms.frequency === Frequency.MONTHLY_VARIABLE && !terms.monthsOfExecution?.includes(month + 1)) continue;
    count++;
    yield date;
  }
}

/** The instalments that execute on or before `today`, oldest first (at most `limit`). */
export function dueInstalments(terms: StandingOrderTerms, today: string, limit = 400): DueInstalment[] {
  const due: DueInstalment[] = [];
  for (const dueDate of nominalDates(terms)) {
    const executionDate = executionDateOf(dueDate, terms.executionRule);
    // A preceding rule may move a date before today while the nominal date is after it: still due.
    if (executionDate > today && dueDate > today) break;
    if (executionDate <= today) due.push({ dueDate, executionDate });
    if (due.length >= limit) break;
  }
  return due;
}

/** The next instalment on or after `today`, or null when the order has ended. */
export function nextInstalment(terms: StandingOrderTerms, today: string): DueInstalment | null {
  for (const dueDate of nominalDates(terms)) {
    const executionDate = executionDateOf(dueDate, terms.executionRule);
    if (executionDate >= today) return { dueDate, executionDate };
  }
  return null;
}
