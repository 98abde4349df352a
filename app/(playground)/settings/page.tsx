import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  return (
    <div className="space-y-8">
      <PageHeader title="Settings" description="Your account." />
      <Card className="max-w-2xl p-6">
        <h2 className="font-semibold">Account</h2>
        <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-y-3 text-sm">
          <dt className="text-muted-foreground">Email</dt>
          <dd data-testid="account-email" className="break-all">
            {user.email}
          </dd>
          <dt className="text-muted-foreground">Name</dt>
          <dd>{user.name ?? "—"}</dd>
        </dl>
      </Card>
    </div>
  );
}
