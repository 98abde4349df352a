import Link from "next/link";
import { formatCost } from "./format";

export type UsageModelRow = { model: string; runs: number; cost: number };

const TH = "px-3 py-2 text-left font-medium text-muted-foreground";
const TD = "px-3 py-2";

/** Runs and cost per model over the period, with the totals underneath. */
export function UsageModelsTable({
  models,
  totalRuns,
  totalCost,
}: {
  models: readonly UsageModelRow[];
  totalRuns: number;
  totalCost: number;
}) {
  if (models.length === 0) {
    return <p className="text-sm text-muted-foreground">No runs in the last 30 days.</p>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Runs and cost per model, last 30 days</caption>
        <thead className="border-b border-border">
          <tr>
            <th scope="col" className={TH}>
              Model
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
          {models.map((row) => (
            <tr key={row.model}>
              <th scope="row" className={`${TD} text-left font-normal`}>
                <Link
                  href={`/models/${encodeURIComponent(row.model)}`}
                  className="font-mono break-all text-primary hover:underline"
                >
                  {row.model}
                </Link>
              </th>
              <td className={`${TD} text-right tabular-nums`}>
                {row.runs.toLocaleString("en-US")}
              </td>
              <td className={`${TD} text-right tabular-nums`}>{formatCost(row.cost)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-border font-semibold">
          <tr>
            <th scope="row" className={`${TD} text-left`}>
              Total
            </th>
            <td className={`${TD} text-right tabular-nums`} data-testid="usage-total-runs">
              {totalRuns.toLocaleString("en-US")}
            </td>
            <td className={`${TD} text-right tabular-nums`} data-testid="usage-total-cost">
              {formatCost(totalCost)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
