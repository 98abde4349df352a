import type { Metadata } from "next";
import { CatalogBrowser } from "@/components/catalog/catalog-browser";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/session";
import { exampleImagesFor } from "@/lib/catalog/example-outputs";
import { getCatalog } from "@/lib/catalog/catalog-cache";
import { AppError } from "@/lib/shared/errors";

export const metadata: Metadata = { title: "Models" };

function minutesAgo(at: number): string {
  const minutes = Math.round((Date.now() - at) / 60_000);
  return minutes <= 1 ? "a minute ago" : `${minutes} minutes ago`;
}

export default async function ModelsPage() {
  const user = await getCurrentUser();
  let catalog;
  try {
    catalog = await getCatalog();
  } catch (error) {
    return (
      <div className="space-y-8">
        <PageHeader title="Models" />
        <Alert tone="error" title="The catalog is unavailable">
          {error instanceof AppError
            ? error.message
            : "each::labs is not answering. Try again in a moment."}
        </Alert>
      </div>
    );
  }
  const examples = user ? await exampleImagesFor(user.id) : new Map<string, string>();
  const models =
    examples.size === 0
      ? catalog.cards
      : catalog.cards.map((card) => ({ ...card, exampleUrl: examples.get(card.slug) ?? null }));
  const notice = catalog.staleReason
    ? `${catalog.staleReason}; showing the catalog as of ${minutesAgo(catalog.fetchedAt)}.`
    : undefined;

  return (
    <div className="space-y-8">
      <PageHeader
        title="Models"
        description="Image, video, audio and text models from each::labs. Browsing needs no account; running one does."
      />
      <CatalogBrowser models={models} notice={notice} />
    </div>
  );
}
