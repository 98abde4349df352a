import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AssetView } from "@/lib/shared/asset-types";
import type { RunView } from "@/lib/shared/run-types";
import { AssetDetail } from "./asset-detail";
import { assetKey } from "./gallery-url";
import { ToastProvider } from "./toast-provider";

const router = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock("next/navigation", () => ({
  useRouter: () => ({ ...router, replace: vi.fn(), refresh: vi.fn(), prefetch: vi.fn() }),
}));

const image: AssetView = {
  id: "a1",
  kind: "image",
  contentType: "image/png",
  byteSize: 46_000,
  source: "run",
  modelSlug: "flux-2-max",
  prompt: "A lighthouse on a cliff",
  title: null,
  inputs: { seed: 42, prompt: "A lighthouse on a cliff", aspect_ratio: "16:9" },
  cost: 0.14,
  favorite: false,
  createdAt: "2026-11-25T10:00:00.000Z",
  width: 768,
  height: 432,
  durationMs: null,
  runId: "run-1",
  fileUrl: "/api/assets/a1/file",
  downloadUrl: "/api/assets/a1/file?download=1",
  thumbUrl: "/api/assets/a1/thumb?w=256",
  previewUrl: "/api/assets/a1/thumb?w=640",
  waveform: null,
  share: null,
};

const run = {
  id: "run-1",
  modelSlug: "flux-2-max",
  input: image.inputs,
  predictTime: 2.8,
  cost: 0.14,
} as RunView;

type Call = { url: string; method: string; body: unknown };
let calls: Call[] = [];
let answer: (call: Call) => { status?: number; body: unknown };

beforeEach(() => {
  calls = [];
  router.push.mockReset();
  window.history.replaceState(null, "", "/gallery/a1");
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call = {
        url,
        method: init.method ?? "GET",
        body: init.body ? JSON.parse(String(init.body)) : null,
      };
      calls.push(call);
      const { status = 200, body } = answer(call);
      return new Response(JSON.stringify(body), { status });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function renderDetail({ fakeTimers = false } = {}) {
  const asset = image;
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 60_000 } },
  });
  client.setQueryData(assetKey(asset.id), asset);
  const user = userEvent.setup(
    fakeTimers ? { advanceTimers: (ms) => vi.advanceTimersByTime(ms) } : {},
  );
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <AssetDetail id={asset.id} run={run} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { user };
}

describe("AssetDetail", () => {
  it("shows what made it: the model, every input with the prompt first, run figures", () => {
    renderDetail();
    expect(screen.getByRole("heading", { name: "Image from flux-2-max" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "flux-2-max" }).getAttribute("href")).toBe(
      "/models/flux-2-max",
    );
    const inputs = screen.getByRole("heading", { name: "Inputs" }).parentElement!;
    expect([...inputs.querySelectorAll("dt")].map((dt) => dt.textContent)).toEqual([
      "Prompt",
      "Seed",
      "Aspect ratio",
    ]);
    expect(screen.getByTestId("asset-predict-time").textContent).toBe("2.8 s");
    expect(screen.getByTestId("asset-cost").textContent).toBe("$0.140");
    expect(screen.getByRole("link", { name: "Open in playground" }).getAttribute("href")).toBe(
      "/models/flux-2-max?run=run-1",
    );
    expect(screen.getByRole("link", { name: "Download" }).getAttribute("href")).toBe(
      "/api/assets/a1/file?download=1",
    );
  });

  it("renames in place: Enter saves, Escape leaves the title as it was", async () => {
    const { user } = renderDetail();
    answer = (call) => ({
      body: { asset: { ...image, title: (call.body as { title: string }).title } },
    });
    await user.click(screen.getByRole("button", { name: "Rename" }));
    await user.type(screen.getByRole("textbox", { name: "Title" }), "Lighthouse, take two{Enter}");
    expect(await screen.findByRole("heading", { name: "Lighthouse, take two" })).toBeTruthy();
    expect(calls.at(-1)).toEqual({
      url: "/api/assets/a1",
      method: "PATCH",
      body: { title: "Lighthouse, take two" },
    });

    await user.click(screen.getByRole("button", { name: "Rename" }));
    await user.type(screen.getByRole("textbox", { name: "Title" }), " and three{Escape}");
    expect(screen.getByRole("heading", { name: "Lighthouse, take two" })).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it("keeps what was typed and says why when a rename fails", async () => {
    const { user } = renderDetail();
    answer = () => ({
      status: 422,
      body: { error: { code: "unprocessable:input", message: "Use at most 200 characters." } },
    });
    await user.click(screen.getByRole("button", { name: "Rename" }));
    await user.type(screen.getByRole("textbox", { name: "Title" }), "Too long");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Could not rename: Use at most 200 characters.",
    );
    expect((screen.getByRole("textbox", { name: "Title" }) as HTMLInputElement).value).toBe(
      "Too long",
    );
  });

  it("shares with the prompt hidden, then shows the public link to copy and open", async () => {
    const { user } = renderDetail();
    const shared = { ...image, share: { url: "/s/abc123", hidePrompt: true } };
    answer = () => ({ body: { asset: shared } });
    await user.click(screen.getByRole("checkbox", { name: "Hide prompt on the public page" }));
    await user.click(screen.getByRole("button", { name: "Share" }));
    expect((await screen.findByTestId("share-url")).textContent).toBe(
      `${window.location.origin}/s/abc123`,
    );
    expect(calls.at(-1)).toEqual({
      url: "/api/assets/a1/share",
      method: "POST",
      body: { hidePrompt: true },
    });
    expect(screen.getByRole("link", { name: "Open" }).getAttribute("href")).toBe("/s/abc123");
    expect(screen.getByRole("button", { name: "Copy link" })).toBeTruthy();

    answer = () => ({ body: { asset: image } });
    await user.click(screen.getByRole("button", { name: "Unshare" }));
    expect(await screen.findByRole("button", { name: "Share" })).toBeTruthy();
    expect(calls.at(-1)).toMatchObject({ url: "/api/assets/a1/share", method: "DELETE" });
  });

  it("runs the same inputs again and opens the new run in the playground", async () => {
    const { user } = renderDetail();
    answer = () => ({ body: { run: { ...run, id: "run-2" } } });
    await user.click(screen.getByRole("button", { name: "Run again" }));
    await waitFor(() => expect(router.push).toHaveBeenCalledWith("/models/flux-2-max?run=run-2"));
    expect(calls.at(-1)).toEqual({
      url: "/api/runs",
      method: "POST",
      body: { model: "flux-2-max", input: image.inputs },
    });
  });

  it("offers Undo after a delete, and goes back to the gallery only once the window has passed", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = renderDetail({ fakeTimers: true });
    answer = (call) =>
      call.method === "GET" ? { body: { asset: image } } : { body: { changed: 1 } };
    await user.click(screen.getByRole("button", { name: "Delete" }));
    const toast = await screen.findByText("Item deleted");
    await user.click(within(toast.parentElement!).getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("Item restored")).toBeTruthy();
    const bulk = calls.filter((call) => call.url === "/api/assets/bulk");
    expect(bulk.map((call) => call.body)).toEqual([
      { action: "delete", ids: ["a1"] },
      { action: "restore", ids: ["a1"] },
    ]);
    await act(async () => vi.advanceTimersByTime(10_000));
    expect(router.push).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(screen.getByText(/Going back to your gallery in a few seconds/)).toBeTruthy();
    await act(async () => vi.advanceTimersByTime(6500));
    expect(router.push).toHaveBeenCalledWith("/gallery");
  });
});
