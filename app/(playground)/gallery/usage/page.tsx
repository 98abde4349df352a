import type { Metadata } from "next";
import { formatCost } from "@/components/gallery/format";
import { UsageChart } from "@/components/gallery/usage-chart";
import { UsageDaysTable } from "@/components/gallery/usage-days-table";
import { UsageLegend } from "@/components/gallery/usage-legend";
import { UsageModelsTable } from "@/components/gallery/usage-models-table";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { usageFor } from "@/lib/gallery/usage";

export const metadata: Metadata = { title: "Usage" };

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Card className="p-4">
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
    </Card>
  );
}

export default async function UsagePage() {
  const user = await requireUser("/gallery/usage");
  const usage = await usageFor(user.id);
  const average = usage.totalRuns > 0 ? usage.totalCost / usage.totalRuns : 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Usage"
        description="Your runs and what they cost over the last 30 days."
        actions={
          <ButtonLink href="/gallery" variant="secondary">
            Back to the gallery
          </ButtonLink>
        }
      />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Stat label="Runs" value={usage.totalRuns.toLocaleString("en-US")} testId="usage-runs" />
        <Stat label="Cost" value={formatCost(usage.totalCost)} testId="usage-cost" />
        <div className="col-span-2 sm:col-span-1">
          <Stat label="Average per run" value={formatCost(average)} testId="usage-average" />
        </div>
      </div>
      <Card className="space-y-4 p-4 sm:p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="font-semibold">Per day</h2>
          <UsageLegend />
        </div>
        <UsageChart days={usage.days} />
        <UsageDaysTable days={usage.days} />
      </Card>
      <Card className="space-y-3 p-4 sm:p-5">
        <h2 className="font-semibold">Per model</h2>
        <UsageModelsTable
          models={usage.models}
          totalRuns={usage.totalRuns}
          totalCost={usage.totalCost}
        />
      </Card>
    </div>
  );
}
