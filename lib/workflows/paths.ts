import "server-only";
import type { EachlabsAccess } from "../eachlabs/client";

// each::workflows is documented twice (see shared/reference/eachlabs-addendum.md):
// - the reference: base `https://workflows.eachlabs.run/api/v1` (our `urls.workflows`),
//   `POST /{id}/trigger` with `version_id` in the body, executions at `/executions/{id}`;
// - the official docs: base `https://api.eachlabs.ai/v1` (our `urls.api` + `/v1`),
//   `POST /workflows/trigger/{id}/{version}`, executions at `/workflows/executions/{id}`.
// Every path lives here, in both families; lib/workflows/upstream-call.ts tries one and falls
// back to the other when a path is not there (404/405).

export type PathFamily = "reference" | "official";
export const FAMILIES: readonly PathFamily[] = ["reference", "official"];

export type Endpoint = {
  /** Names the operation for the family cache: a family proven for one is not for all. */
  op: string;
  method: "GET" | "POST" | "PUT";
  reference: string;
  official: string;
};

const e = encodeURIComponent;

export function baseUrl(access: EachlabsAccess, family: PathFamily): string {
  return family === "reference" ? access.urls.workflows : `${access.urls.api}/v1`;
}

/** Nicknames are sent with their "@" (`/public/@nick/...`), whether given with it or not. */
function nick(nickname: string): string {
  return `@${e(nickname.replace(/^@/, ""))}`;
}

export const paths = {
  categories: (): Endpoint => ({
    op: "categories",
    method: "GET",
    reference: "/categories",
    official: "/workflows/categories",
  }),
  createWorkflow: (): Endpoint => ({
    op: "create",
    method: "POST",
    reference: "/workflows",
    official: "/workflows",
  }),
  getWorkflow: (id: string): Endpoint => ({
    op: "get",
    method: "GET",
    reference: `/workflows/${e(id)}`,
    official: `/workflows/${e(id)}`,
  }),
  updateWorkflow: (id: string): Endpoint => ({
    op: "update",
    method: "PUT",
    reference: `/workflows/${e(id)}`,
    official: `/workflows/${e(id)}`,
  }),
  putVersion: (id: string, versionId: string): Endpoint => ({
    op: "version",
    method: "PUT",
    reference: `/workflows/${e(id)}/versions/${e(versionId)}`,
    official: `/workflows/${e(id)}/versions/${e(versionId)}`,
  }),
  trigger: (id: string, versionId: string): Endpoint => ({
    op: "trigger",
    method: "POST",
    reference: `/${e(id)}/trigger`,
    official: `/workflows/trigger/${e(id)}/${e(versionId)}`,
  }),
  bulkTrigger: (id: string, versionId: string): Endpoint => ({
    op: "bulk",
    method: "POST",
    reference: `/${e(id)}/bulk-trigger`,
    official: `/workflows/bulk-trigger/${e(id)}/${e(versionId)}`,
  }),
  listExecutions: (id: string, query: { limit?: number; offset?: number } = {}): Endpoint => {
    const params = new URLSearchParams();
    if (query.limit !== undefined) params.set("limit", String(query.limit));
    if (query.offset !== undefined) params.set("offset", String(query.offset));
    const suffix = params.size > 0 ? `?${params}` : "";
    return {
      op: "executions",
      method: "GET",
      reference: `/workflows/${e(id)}/executions${suffix}`,
      official: `/workflows/${e(id)}/executions${suffix}`,
    };
  },
  getExecution: (executionId: string): Endpoint => ({
    op: "execution",
    method: "GET",
    reference: `/executions/${e(executionId)}`,
    official: `/workflows/executions/${e(executionId)}`,
  }),
  publicVersion: (nickname: string, slug: string, versionId: string): Endpoint => ({
    op: "public",
    method: "GET",
    reference: `/public/${nick(nickname)}/workflows/${e(slug)}/versions/${e(versionId)}`,
    official: `/public/${nick(nickname)}/workflows/${e(slug)}/versions/${e(versionId)}`,
  }),
  publicTrigger: (nickname: string, slug: string, versionId: string): Endpoint => ({
    op: "public-trigger",
    method: "POST",
    reference: `/public/${nick(nickname)}/workflows/${e(slug)}/versions/${e(versionId)}/trigger`,
    official: `/public/${nick(nickname)}/workflows/${e(slug)}/versions/${e(versionId)}/trigger`,
  }),
};

/** The builder lives on each::sense: `POST {senseUrl}/workflow`. */
export function senseWorkflowUrl(access: EachlabsAccess): string {
  return `${access.urls.sense}/workflow`;
}

/** `…/public/@nick/workflows/slug/versions/v1` (a shared version's link) → its parts. */
export function parsePublicUrl(
  url: string,
): { nickname: string; slug: string; versionId: string } | null {
  const match = /\/public\/@([^/]+)\/workflows\/([^/]+)\/versions\/([^/?#]+)/.exec(url);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return {
    nickname: decodeURIComponent(match[1]),
    slug: decodeURIComponent(match[2]),
    versionId: decodeURIComponent(match[3]),
  };
}
