import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CatalogModel } from "@/lib/shared/catalog-types";
import { ModelGrid } from "./model-grid";
import { FIRST_BATCH } from "./static-model-grid";
import { columnsForWidth } from "./use-grid-layout";

function catalogOf(size: number): CatalogModel[] {
  return Array.from({ length: size }, (_, i) => ({
    slug: `model-${i}`,
    title: `Model ${i}`,
    version: "1.0.0",
    description: "",
    outputType: "string",
    makes: i % 2 ? "video" : "image",
    takes: ["text"],
    exampleUrl: i === 0 ? "/api/media/example-0.webp" : null,
  }));
}

const links = () => within(screen.getByRole("list", { name: "Models" })).getAllByRole("link");

/** jsdom lays nothing out: give every element a size and a ResizeObserver that reports it. */
function fakeLayout({ width, rowHeight }: { width: number; rowHeight: number }) {
  vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue(
    DOMRect.fromRect({ x: 0, y: 0, width, height: rowHeight }),
  );
  vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(rowHeight);
  class FakeResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      queueMicrotask(() =>
        this.callback(
          [{ target, contentRect: target.getBoundingClientRect() } as ResizeObserverEntry],
          this,
        ),
      );
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal("ResizeObserver", FakeResizeObserver);
  // The virtualizer re-asserts the current scroll offset on mount; jsdom cannot scroll.
  vi.spyOn(window, "scrollTo").mockImplementation(() => {});
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe("ModelGrid", () => {
  it("puts one card per row on a phone and four on a wide screen", () => {
    expect([340, 600, 900, 1232].map((width) => columnsForWidth(width))).toEqual([1, 2, 3, 4]);
    expect(columnsForWidth(600, 20)).toBe(1); // a larger root font size moves the breakpoints
  });

  it("renders only the rows near the viewport of a 5,000-model catalog", async () => {
    fakeLayout({ width: 1200, rowHeight: 300 });
    render(<ModelGrid models={catalogOf(5000)} />);
    await act(async () => {}); // let the observer report the layout
    const shown = links();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(40); // a 768 px window plus overscan, 4 per row
    expect(shown[0]?.getAttribute("href")).toBe("/models/model-0");
    const items = within(screen.getByRole("list", { name: "Models" })).getAllByRole("listitem");
    expect(items[0]?.getAttribute("aria-setsize")).toBe("5000");
  });

  it("shows a first batch and 'Show more' until the grid can be measured", () => {
    render(<ModelGrid models={catalogOf(100)} />);
    expect(links()).toHaveLength(FIRST_BATCH);
    fireEvent.click(screen.getByRole("button", { name: `Show more (${100 - FIRST_BATCH} left)` }));
    expect(links()).toHaveLength(FIRST_BATCH * 2);
  });

  it("shows the example as a lazy image, or a placeholder when there is none or it fails", () => {
    render(<ModelGrid models={catalogOf(2)} />);
    const [withExample, without] = links();
    const image = withExample?.querySelector("img");
    expect(image?.getAttribute("src")).toBe("/api/media/example-0.webp");
    expect(image?.getAttribute("loading")).toBe("lazy");
    expect(within(without!).getByTestId("thumbnail-placeholder")).toBeTruthy();

    fireEvent.error(image!);
    expect(within(withExample!).getByTestId("thumbnail-placeholder")).toBeTruthy();
  });
});
