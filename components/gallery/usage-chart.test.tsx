import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { UsageChart, type UsageDayPoint } from "./usage-chart";

afterEach(cleanup);

const days: UsageDayPoint[] = Array.from({ length: 30 }, (_, i) => ({
  day: new Date(Date.UTC(2026, 9, 27 + i)).toISOString().slice(0, 10),
  runs: i === 16 ? 9 : i % 5 === 0 ? 2 : 0,
  cost: i === 16 ? 0.45 : i % 5 === 0 ? 0.1 : 0,
}));

describe("UsageChart", () => {
  it("is one image named by a summary of the month", () => {
    render(<UsageChart days={days} />);
    const chart = screen.getByRole("img");
    expect(chart.getAttribute("aria-label")).toBe(
      "Runs per day as bars and cost per day as a line, last 30 days (Oct 27 to Nov 25): " +
        "21 runs costing $1.050 in total; busiest day Nov 12 with 9 runs.",
    );
  });

  it("draws a bar per day with runs, on an axis rounded up from the busiest day", () => {
    const { container } = render(<UsageChart days={days} />);
    const bars = container.querySelectorAll("rect.fill-primary\\/80");
    expect(bars).toHaveLength(days.filter((day) => day.runs > 0).length);
    const labels = [...container.querySelectorAll("text")].map((text) => text.textContent);
    expect(labels).toEqual(
      expect.arrayContaining(["0", "2", "4", "6", "8", "10", "$0", "$0.5", "Nov 25"]),
    );
  });

  it("gives every day a tooltip with its figures", () => {
    const { container } = render(<UsageChart days={days} />);
    const tips = [...container.querySelectorAll("title")].map((title) => title.textContent);
    expect(tips).toHaveLength(30);
    expect(tips[16]).toBe("Nov 12: 9 runs, $0.450");
    expect(tips[1]).toBe("Oct 28: 0 runs, $0.00");
  });

  it("keeps its frame for a month without runs", () => {
    const quiet = days.map((day) => ({ ...day, runs: 0, cost: 0 }));
    render(<UsageChart days={quiet} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toMatch(
      /0 runs costing \$0\.00 in total\.$/,
    );
  });
});
