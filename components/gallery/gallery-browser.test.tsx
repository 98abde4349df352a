import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AssetPage, AssetView } from "@/lib/shared/asset-types";
import { GalleryBrowser } from "./gallery-browser";
import { assetListKey, type GalleryUrlFilters, NO_GALLERY_FILTERS } from "./gallery-url";
import { ToastProvider } from "./toast-provider";

// next/navigation is Next's module, not ours: the test stands in for the router's URL.
const url = vi.hoisted(() => ({ search: "" }));
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(url.search),
  usePathname: () => "/gallery",
  useRouter: () => ({ replace: vi.fn(), push: vi.fn(), refresh: vi.fn(), prefetch: vi.fn() }),
}));

function asset(
  id: string,
  kind: AssetView["kind"],
  prompt: string,
  extra: Partial<AssetView> = {},
): AssetView {
  return {
    id,
    kind,
    contentType: kind === "image" ? "image/png" : kind === "video" ? "video/mp4" : "audio/wav",
    byteSize: 1000,
    source: "run",
    modelSlug: "flux-2-max",
    prompt,
    title: null,
    inputs: { prompt },
    cost: 0.01,
    favorite: false,
    createdAt: "2026-11-25T10:00:00.000Z",
    width: kind === "audio" ? null : 1600,
    height: kind === "audio" ? null : 900,
    durationMs: kind === "image" ? null : 5_000,
    runId: `run-${id}`,
    fileUrl: `/api/assets/${id}/file`,
    downloadUrl: `/api/assets/${id}/file?download=1`,
    thumbUrl: kind === "audio" ? null : `/api/assets/${id}/thumb?w=256`,
    previewUrl: kind === "audio" ? null : `/api/assets/${id}/thumb?w=640`,
    waveform: kind === "audio" ? [0.2, 0.8, 0.5] : null,
    share: null,
    ...extra,
  };
}

const lighthouse = asset("a1", "image", "A lighthouse at dusk");
const waves = asset("a2", "video", "Waves on a beach");
const rain = asset("a3", "audio", "Rain on a tin roof");

type Call = { url: string; method: string; body: unknown };
let calls: Call[] = [];
let answer: (call: Call) => { status?: number; body: unknown };

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

beforeEach(() => {
  url.search = "";
  window.history.replaceState(null, "", "/gallery");
  calls = [];
  answer = () => ({ body: { assets: [lighthouse, waves, rain], nextCursor: null } });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const call = {
        url: input,
        method: init.method ?? "GET",
        body: init.body ? JSON.parse(String(init.body)) : null,
      };
      calls.push(call);
      const { status = 200, body } = answer(call);
      return json(status, body);
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function renderGallery(assets: AssetView[], filters: GalleryUrlFilters = NO_GALLERY_FILTERS) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
  });
  const page: AssetPage = { assets, nextCursor: null };
  client.setQueryData(assetListKey(filters), { pages: [page], pageParams: [null] });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={client}>
      <ToastProvider>
        <GalleryBrowser initialFilters={filters} models={["flux-2-max", "veo3-1-fast"]} />
      </ToastProvider>
    </QueryClientProvider>,
  );
  return { user };
}

const grid = () => screen.getByRole("list", { name: "Your gallery" });
const tile = (name: RegExp) =>
  within(grid())
    .getAllByRole("listitem")
    .find((item) => within(item).queryByRole("link", { name }))!;

describe("GalleryBrowser", () => {
  it("names each tile by its kind and prompt, links it to its page and shows thumbnails only", () => {
    renderGallery([lighthouse, waves, rain]);
    const links = within(grid()).getAllByRole("link");
    expect(links.map((link) => link.getAttribute("aria-label"))).toEqual([
      "Image: A lighthouse at dusk",
      "Video: Waves on a beach",
      "Audio: Rain on a tin roof",
    ]);
    expect(links[0]!.getAttribute("href")).toBe("/gallery/a1");
    const sources = [...grid().querySelectorAll("img")].map((img) => img.getAttribute("src"));
    expect(sources).toEqual(["/api/assets/a1/thumb?w=256", "/api/assets/a2/thumb?w=256"]);
    expect(within(tile(/^Video/)).getByText("0:05")).toBeTruthy();
    expect(within(tile(/^Audio/)).getByRole("button", { name: "Play" })).toBeTruthy();
    expect(screen.getByText("3 items")).toBeTruthy();
  });

  it("stars an item at once, and puts the star back with a message when the server refuses", async () => {
    const { user } = renderGallery([lighthouse]);
    answer = (call) => ({
      body: { asset: { ...lighthouse, favorite: (call.body as { favorite: boolean }).favorite } },
    });
    const star = within(tile(/lighthouse/)).getByRole("button", { name: "Favourite" });
    await user.click(star);
    expect(star.getAttribute("aria-pressed")).toBe("true");
    expect(calls.at(-1)).toEqual({
      url: "/api/assets/a1",
      method: "PATCH",
      body: { favorite: true },
    });

    answer = () => ({
      status: 503,
      body: { error: { code: "unavailable:db", message: "The database is busy." } },
    });
    await user.click(star);
    await waitFor(() => expect(star.getAttribute("aria-pressed")).toBe("true"));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /Could not remove it from your favourites\. The database is busy\./,
    );
  });

  it("deletes selected items at once and brings them back with Undo", async () => {
    const { user } = renderGallery([lighthouse, waves, rain]);
    await user.click(screen.getByRole("button", { name: "Select" }));
    await user.click(screen.getByRole("checkbox", { name: "Select A lighthouse at dusk" }));
    await user.click(screen.getByRole("checkbox", { name: "Select Rain on a tin roof" }));
    expect(screen.getByText("2 selected")).toBeTruthy();

    answer = () => ({ body: { changed: 2 } });
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(within(grid()).getAllByRole("listitem")).toHaveLength(1);
    expect(calls.at(-1)).toEqual({
      url: "/api/assets/bulk",
      method: "POST",
      body: { action: "delete", ids: ["a1", "a3"] },
    });
    expect(await screen.findByText("2 items deleted")).toBeTruthy();

    answer = (call) =>
      call.url === "/api/assets/bulk"
        ? { body: { changed: 2 } }
        : { body: { assets: [lighthouse, waves, rain], nextCursor: null } };
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByText("2 items restored")).toBeTruthy();
    expect(calls).toContainEqual({
      url: "/api/assets/bulk",
      method: "POST",
      body: { action: "restore", ids: ["a1", "a3"] },
    });
    await waitFor(() => expect(within(grid()).getAllByRole("listitem")).toHaveLength(3));
  });

  it("puts deleted items back and says why when the server refuses the delete", async () => {
    const { user } = renderGallery([lighthouse, waves]);
    await user.click(screen.getByRole("button", { name: "Select" }));
    await user.click(screen.getByRole("checkbox", { name: "Select Waves on a beach" }));
    answer = (call) =>
      call.method === "POST"
        ? { status: 500, body: { error: { code: "internal:server", message: "Something broke." } } }
        : { body: { assets: [lighthouse, waves], nextCursor: null } };
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /Could not delete: Something broke\./,
    );
    expect(within(grid()).getAllByRole("listitem")).toHaveLength(2);
  });

  it("asks the server for the chosen kind, keeps it in the URL, and searches after a pause", async () => {
    const { user } = renderGallery([lighthouse, waves, rain]);
    answer = () => ({ body: { assets: [waves], nextCursor: null } });
    const kinds = screen.getByRole("group", { name: "Kind" });
    await user.click(within(kinds).getByRole("button", { name: "Video" }));
    expect(within(kinds).getByRole("button", { name: "Video" }).getAttribute("aria-pressed")).toBe(
      "true",
    );
    await waitFor(() => expect(within(grid()).getAllByRole("listitem")).toHaveLength(1));
    expect(calls.at(-1)!.url).toBe("/api/assets?kind=video&limit=40");
    await waitFor(() => expect(window.location.search).toBe("?kind=video"));

    await user.type(screen.getByRole("searchbox", { name: "Search prompts" }), "waves");
    await waitFor(() => expect(calls.at(-1)!.url).toBe("/api/assets?kind=video&q=waves&limit=40"));
    expect(calls.filter((call) => call.url.includes("q=")).length).toBe(1);
  });

  it("offers the models page when the gallery is empty, and Clear filters when nothing matches", async () => {
    renderGallery([]);
    expect(screen.getByRole("heading", { name: "Nothing here yet" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Browse models" }).getAttribute("href")).toBe(
      "/models",
    );
    cleanup();

    const filters = { ...NO_GALLERY_FILTERS, favorites: true };
    const { user } = renderGallery([], filters);
    expect(screen.getByRole("heading", { name: "Nothing matches" })).toBeTruthy();
    expect(
      screen.getByRole("button", { name: "Favourites only" }).getAttribute("aria-pressed"),
    ).toBe("true");
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(within(grid()).getAllByRole("listitem")).toHaveLength(3));
  });

  it("lets the undo toast go after its time unless hovered", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = renderGallery([lighthouse]);
    answer = () => ({ body: { changed: 1 } });
    await user.click(screen.getByRole("button", { name: "Select" }));
    await user.click(screen.getByRole("checkbox", { name: "Select A lighthouse at dusk" }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByText("Item deleted")).toBeTruthy();
    await act(async () => vi.advanceTimersByTime(6500));
    expect(screen.queryByText("Item deleted")).toBeNull();
  });
});
