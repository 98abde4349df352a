import { formatCost, formatDay } from "./format";
import type { UsageDayPoint } from "./usage-chart";

const TH = "px-3 py-2 text-left font-medium text-muted-foreground";
const TD = "px-3 py-2";

/** The chart's figures as a table, folded away: for screen readers and exact numbers. */
export function UsageDaysTable({ days }: { days: readonly UsageDayPoint[] }) {
  return (
    <details className="text-sm">
      <summary className="cursor-pointer font-medium text-muted-foreground hover:text-foreground">
        Daily figures
      </summary>
      <div className="mt-3 max-h-80 overflow-auto">
        <table className="w-full">
          <caption className="sr-only">Runs and cost per day, last 30 days</caption>
          <thead className="sticky top-0 border-b border-border bg-card">
            <tr>
              <th scope="col" className={TH}>
                Day
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Runs
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Cost
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {[...days].reverse().map((day) => (
              <tr key={day.day}>
                <th scope="row" className={`${TD} text-left font-normal`}>
                  <time dateTime={day.day}>{formatDay(day.day)}</time>
                </th>
                <td className={`${TD} text-right tabular-nums`}>{day.runs}</td>
                <td className={`${TD} text-right tabular-nums`}>{formatCost(day.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
