import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { ModelsIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Models" };

export default function ModelsPage() {
  return (
    <div className="space-y-8">
      <PageHeader
        title="Models"
        description="Image, video, audio and text models from each::labs. Browsing needs no account; running one does."
      />
      <EmptyState icon={<ModelsIcon width={40} height={40} />} title="The catalog is on its way">
        The model catalog, schema-generated forms and runs arrive with the next milestone.
      </EmptyState>
    </div>
  );
}
