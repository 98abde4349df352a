import { env } from "@/lib/env";

export function SiteFooter() {
  const { eachlabs, simulatorDialect } = env();
  const simulated = eachlabs.target === "simulator";
  return (
    <footer className="border-t border-border">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-6 text-sm text-muted-foreground sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p data-testid="upstream-status" className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className={`size-2 shrink-0 rounded-full ${simulated ? "bg-warning" : "bg-success"}`}
          />
          {simulated ? (
            <span>
              Talking to the{" "}
              <strong className="font-medium text-foreground">each::labs simulator</strong> (
              {simulatorDialect} dialect): no credits are spent.
            </span>
          ) : (
            <span>
              Talking to the{" "}
              <strong className="font-medium text-foreground">each::labs platform</strong> at{" "}
              {new URL(eachlabs.urls.api).host}.
            </span>
          )}
        </p>
        <p>each::labs Playground</p>
      </div>
    </footer>
  );
}
