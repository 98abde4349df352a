import Link from "next/link";
import type { ReactNode } from "react";
import type { AssetView } from "@/lib/shared/asset-types";
import type { RunView } from "@/lib/shared/run-types";
import { SOURCE_LABELS } from "./asset-label";
import { formatBytes, formatCost, formatDuration } from "./format";
import { LocalTime } from "./local-time";

function Fact({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex items-baseline justify-between gap-4 py-2">
      <dt className="shrink-0 text-muted-foreground">{term}</dt>
      <dd className="min-w-0 text-right break-words" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** What made the item and what it cost: model, time, source and run figures, file facts. */
export function AssetFacts({ asset, run }: { asset: AssetView; run: RunView | null }) {
  const cost = run?.cost ?? asset.cost;
  return (
    <dl className="divide-y divide-border text-sm">
      {asset.modelSlug ? (
        <Fact term="Model">
          <Link
            href={`/models/${encodeURIComponent(asset.modelSlug)}`}
            className="font-mono text-primary hover:underline"
          >
            {asset.modelSlug}
          </Link>
        </Fact>
      ) : null}
      <Fact term="Created">
        <LocalTime iso={asset.createdAt} />
      </Fact>
      <Fact term="Source">{SOURCE_LABELS[asset.source]}</Fact>
      {run?.predictTime != null ? (
        <Fact term="Predict time" testId="asset-predict-time">
          <span className="tabular-nums">{run.predictTime.toFixed(1)} s</span>
        </Fact>
      ) : null}
      {cost != null ? (
        <Fact term="Cost" testId="asset-cost">
          <span className="tabular-nums">{formatCost(cost)}</span>
        </Fact>
      ) : null}
      {asset.width && asset.height ? (
        <Fact term="Size">
          <span className="tabular-nums">
            {asset.width} × {asset.height}
          </span>
        </Fact>
      ) : null}
      {asset.durationMs ? (
        <Fact term="Length">
          <span className="tabular-nums">{formatDuration(asset.durationMs)}</span>
        </Fact>
      ) : null}
      <Fact term="File">
        <span className="tabular-nums">
          {asset.contentType.split(";")[0]} · {formatBytes(asset.byteSize)}
        </span>
      </Fact>
    </dl>
  );
}
