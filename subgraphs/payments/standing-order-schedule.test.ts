import { describe, expect, it } from "vitest";
import { ExecutionRule, Frequency } from "./entities/payment-enums.js";
import { dueInstalments, executionDateOf, nextInstalment, nominalDates, type StandingOrderTerms } from "./standing-order-schedule.js";

const terms = (overrides: Partial<StandingOrderTerms>): StandingOrderTerms => ({
  startDate: "2030-01-01", endDate: null, frequency: Frequency.MONTHLY, executionRule: ExecutionRule.FOLLOWING, dayOfExecution: null, monthsOfExecution: null, ...overrides,
});
const take = (t: StandingOrderTerms, n: number) => [...nominalDates(t, n)];

describe("standing order schedule", () => {
  it("steps monthly frequencies on dayOfExecution, 31 meaning the month's last day", () => {
    expect(take(terms({ dayOfExecution: 31 }), 4)).toEqual(["2030-01-31", "2030-02-28", "2030-03-31", "2030-04-30"]);
    expect(take(terms({ startDate: "2030-01-15", dayOfExecution: 10 }), 2)).toEqual(["2030-02-10", "2030-03-10"]);
    expect(take(terms({ frequency: Frequency.QUARTERLY }), 3)).toEqual(["2030-01-01", "2030-04-01", "2030-07-01"]);
    expect(take(terms({ frequency: Frequency.ANNUAL }), 2)).toEqual(["2030-01-01", "2031-01-01"]);
    expect(take(terms({ frequency: Frequency.MONTHLY_VARIABLE, monthsOfExecution: [1, 4, 10] }), 4)).toEqual(["2030-01-01", "2030-04-01", "2030-10-01", "2031-01-01"]);
  });

  it("steps daily on working days, weekly and every two weeks from the start date, and stops at endDate", () => {
    // 2030-01-04 is a Friday.
    expect(take(terms({ startDate: "2030-01-04", frequency: Frequency.DAILY }), 3)).toEqual(["2030-01-04", "2030-01-07", "2030-01-08"]);
    expect(take(terms({ frequency: Frequency.EVERY_TWO_WEEKS, endDate: "2030-02-01" }), 10)).toEqual(["2030-01-01", "2030-01-15", "2030-01-29"]);
    expect(take(terms({ frequency: Frequency.WEEKLY, endDate: "2030-01-08" }), 10)).toEqual(["2030-01-01", "2030-01-08"]);
  });

  it("moves a weekend date to the following Monday or the preceding Friday", () => {
    expect(executionDateOf("2030-01-05", ExecutionRule.FOLLOWING)).toBe("2030-01-07");
    expect(executionDateOf("2030-01-06", ExecutionRule.FOLLOWING)).toBe("2030-01-07");
    expect(executionDateOf("2030-01-06", ExecutionRule.PRECEDING)).toBe("2030-01-04");
    expect(executionDateOf("2030-01-07", ExecutionRule.PRECEDING)).toBe("2030-01-07");
  });

  it("lists the instalments due by a day, and the next one", () => {
    const monthly = terms({ startDate: "2030-01-05", dayOfExecution: 5, endDate: "2030-04-30" });
    // 2030-01-05 is a Saturday: following → Monday 7th.
    expect(dueInstalments(monthly, "2030-01-06")).toEqual([]);
    expect(dueInstalments(monthly, "2030-02-06")).toEqual([{ dueDate: "2030-01-05", executionDate: "2030-01-07" }, { dueDate: "2030-02-05", executionDate: "2030-02-05" }]);
    expect(nextInstalment(monthly, "2030-02-06")).toEqual({ dueDate: "2030-03-05", executionDate: "2030-03-05" });
    expect(nextInstalment(monthly, "2030-05-01")).toBeNull();
    const preceding = terms({ startDate: "2030-01-05", dayOfExecution: 5, executionRule: ExecutionRule.PRECEDING });
    expect(dueInstalments(preceding, "2030-01-04")).toEqual([{ dueDate: "2030-01-05", executionDate: "2030-01-04" }]);
  });
});
