import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CatalogModel, UpstreamModel } from "@/lib/shared/catalog-types";
import { toCatalogModel } from "@/lib/shared/model-kinds";
import fixtureModels from "@/simulator/fixtures/models.json";
import { CatalogBrowser } from "./catalog-browser";
import { FILTER_PAINTED_MARK, FILTER_START_MARK } from "./use-filter-paint-mark";

// next/navigation is Next's module, not ours: the test stands in for the router's URL.
const url = vi.hoisted(() => ({ search: "" }));
vi.mock("next/navigation", () => ({
  useSearchParams: () => new URLSearchParams(url.search),
  usePathname: () => "/models",
  useRouter: () => ({ replace: vi.fn(), push: vi.fn(), refresh: vi.fn(), prefetch: vi.fn() }),
}));

const catalog: CatalogModel[] = (fixtureModels as UpstreamModel[]).map(toCatalogModel);

function renderBrowser(props: Partial<Parameters<typeof CatalogBrowser>[0]> = {}) {
  const user = userEvent.setup();
  render(<CatalogBrowser models={catalog} {...props} />);
  return { user, search: screen.getByRole("searchbox", { name: "Search models" }) };
}

const cards = () => within(screen.getByRole("list", { name: "Models" })).queryAllByRole("link");
const chip = (group: "Makes" | "Takes", name: string) =>
  within(screen.getByRole("group", { name: group })).getByRole("button", { name });

beforeEach(() => {
  url.search = "";
  window.history.replaceState(null, "", "/models");
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("CatalogBrowser", () => {
  it("shows every model as a card linking to its page, with the count", () => {
    renderBrowser();
    expect(screen.getByText("24 models")).toBeTruthy();
    expect(cards()).toHaveLength(24);
    const card = screen.getByRole("link", { name: "Kling 2 1 Image To Video" });
    expect(card.getAttribute("href")).toBe("/models/kling-2-1-image-to-video");
    expect(within(card).getByText("kling-2-1-image-to-video")).toBeTruthy();
    expect(card.textContent).toMatch(/MakesVideofromTextImage/);
  });

  it("narrows the cards and the count as the user types, and marks keystroke to paint", async () => {
    const marks = vi.spyOn(performance, "mark");
    const { user, search } = renderBrowser();
    await user.type(search, "kling");
    expect(await screen.findByText("4 of 24 models")).toBeTruthy();
    expect(cards().map((card) => card.getAttribute("href"))).toEqual([
      "/models/kling-text-to-image",
      "/models/kling-3-0",
      "/models/kling-2-1-image-to-video",
      "/models/kling-face-swap",
    ]);
    expect(marks).toHaveBeenCalledWith(FILTER_START_MARK);
    await waitFor(() => expect(marks).toHaveBeenCalledWith(FILTER_PAINTED_MARK));
  });

  it("filters by what a model makes (any of) and takes (each of) with toggle chips", async () => {
    const { user } = renderBrowser();
    await user.click(chip("Makes", "Audio"));
    expect(chip("Makes", "Audio").getAttribute("aria-pressed")).toBe("true");
    expect(await screen.findByText("3 of 24 models")).toBeTruthy();

    await user.click(chip("Makes", "Audio"));
    await user.click(chip("Makes", "Video"));
    await user.click(chip("Takes", "Image"));
    expect(await screen.findByText("2 of 24 models")).toBeTruthy();
    expect(cards().map((card) => card.getAttribute("href"))).toEqual([
      "/models/kling-2-1-image-to-video",
      "/models/wan-v2-6-image-to-video",
    ]);
  });

  it("offers to clear the filters when nothing matches, and clearing restores every model", async () => {
    const { user, search } = renderBrowser();
    await user.click(chip("Takes", "Audio"));
    await user.type(search, "flux");
    expect(await screen.findByRole("heading", { name: "No models match" })).toBeTruthy();
    expect(screen.getByText(/No model matches “flux” with these filters/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(await screen.findByText("24 models")).toBeTruthy();
    expect(cards()).toHaveLength(24);
    expect((search as HTMLInputElement).value).toBe("");
    expect(chip("Takes", "Audio").getAttribute("aria-pressed")).toBe("false");
  });

  it("clears the search with its button or Escape, and focuses it on '/'", async () => {
    const { user, search } = renderBrowser();
    await user.type(search, "veo");
    await user.click(screen.getByRole("button", { name: "Clear search" }));
    expect((search as HTMLInputElement).value).toBe("");
    expect(document.activeElement).toBe(search);

    await user.type(search, "sora{Escape}");
    expect((search as HTMLInputElement).value).toBe("");

    search.blur();
    await user.keyboard("/");
    expect(document.activeElement).toBe(search);
    expect((search as HTMLInputElement).value).toBe("");
  });

  it("shows the notice about a stale catalog", () => {
    const notice = "each::labs is not answering; showing the catalog as of 3 minutes ago";
    renderBrowser({ notice });
    expect(screen.getByText(notice)).toBeTruthy();
  });

  it("opens on the filters in a shared URL", async () => {
    url.search = "q=flux&makes=image&takes=image";
    const { search } = renderBrowser({ initialQuery: "ignored" });
    expect((search as HTMLInputElement).value).toBe("flux");
    expect(chip("Makes", "Image").getAttribute("aria-pressed")).toBe("true");
    expect(chip("Takes", "Image").getAttribute("aria-pressed")).toBe("true");
    expect(await screen.findByText("3 of 24 models")).toBeTruthy();
  });

  it("writes the filters back to the URL without a server round trip", async () => {
    const { user, search } = renderBrowser({ initialQuery: "wan" });
    expect((search as HTMLInputElement).value).toBe("wan");
    await user.click(chip("Makes", "Video"));
    await waitFor(() => expect(window.location.search).toBe("?q=wan&makes=video"));
    expect(window.location.pathname).toBe("/models");
  });

  it("says so when the catalog itself is empty", () => {
    render(<CatalogBrowser models={[]} />);
    expect(screen.getByRole("heading", { name: "No models to show" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Clear filters" })).toBeNull();
  });
});
