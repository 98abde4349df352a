import type { Metadata } from "next";
import { ApiKeyForm } from "@/components/settings/api-key-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { userKeyInfo } from "@/lib/keys/user-keys";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser("/settings");
  const key = await userKeyInfo(user.id);
  return (
    <div className="space-y-8">
      <PageHeader title="Settings" description="Your account and your each::labs API key." />
      <div className="grid max-w-3xl gap-6">
        <Card className="p-6">
          <h2 className="font-semibold">each::labs API key</h2>
          <p className="mt-1 mb-4 text-sm text-muted-foreground">
            Runs use your own key when you save one (billed to your each::labs account), otherwise
            the playground&apos;s.
          </p>
          <ApiKeyForm
            initial={key ? { last4: key.last4, updatedAt: key.updatedAt.toISOString() } : null}
            usingSimulator={env().eachlabs.target === "simulator"}
          />
        </Card>
        <Card className="p-6">
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
    </div>
  );
}
