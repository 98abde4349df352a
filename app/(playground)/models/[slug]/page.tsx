import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KindBadges } from "@/components/catalog/kind-badges";
import { ModelPlayground } from "@/components/runs/model-playground";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/session";
import { findModel, getCatalog } from "@/lib/catalog/catalog-cache";
import { toCatalogModel } from "@/lib/shared/model-kinds";
import { findRun, listRuns } from "@/lib/runs/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ run?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const model = await findModel((await params).slug).catch(() => undefined);
  return { title: model?.title || model?.slug || "Model" };
}

export default async function ModelPage({ params, searchParams }: Props) {
  const [{ slug }, { run: runId }] = await Promise.all([params, searchParams]);
  const catalog = await getCatalog();
  const upstream = catalog.bySlug.get(slug);
  if (!upstream) notFound();
  const model = toCatalogModel(upstream);
  const user = await getCurrentUser();
  const [initialRun, history] = user
    ? await Promise.all([
        runId ? findRun(user.id, runId) : null,
        listRuns(user.id, { model: slug, limit: 20 }),
      ])
    : [null, []];

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/models" className="hover:text-foreground hover:underline">
          Models
        </Link>{" "}
        / <span className="font-mono">{model.slug}</span>
      </nav>
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">
            {model.title || model.slug}
          </h1>
          <KindBadges makes={model.makes} takes={model.takes} />
        </div>
        <p className="font-mono text-sm text-muted-foreground">
          {model.slug} · version {model.version}
        </p>
        {model.description ? (
          <p className="max-w-3xl text-muted-foreground">{model.description}</p>
        ) : null}
      </header>
      {catalog.staleReason ? (
        <Alert tone="warning">{catalog.staleReason}; showing the model as last seen.</Alert>
      ) : null}
      {!user ? (
        <Alert tone="info">
          Fill in the form freely; running the model needs an account.{" "}
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(`/models/${slug}`)}`}
            className="font-medium text-primary underline"
          >
            Sign in
          </Link>{" "}
          or{" "}
          <Link
            href={`/signup?callbackUrl=${encodeURIComponent(`/models/${slug}`)}`}
            className="font-medium text-primary underline"
          >
            create an account
          </Link>
          .
        </Alert>
      ) : null}
      <ModelPlayground
        key={slug}
        model={{
          slug: model.slug,
          title: model.title,
          version: model.version,
          schema: upstream.request_schema,
        }}
        signedIn={Boolean(user)}
        initialRun={initialRun}
        initialHistory={history}
      />
    </div>
  );
}
