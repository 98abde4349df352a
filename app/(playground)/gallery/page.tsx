import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { GalleryIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Gallery" };

export default async function GalleryPage() {
  await requireUser("/gallery");
  return (
    <div className="space-y-8">
      <PageHeader title="Gallery" description="Everything you made, kept for good." />
      <EmptyState icon={<GalleryIcon width={40} height={40} />} title="Nothing here yet">
        Images, videos and audio you generate will be collected here.
      </EmptyState>
    </div>
  );
}
