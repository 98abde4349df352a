import { describe, expect, it } from "vitest";
import { NO_FILTERS } from "@/lib/shared/catalog-search";
import { canonicalSearch, parseCatalogParams, withCatalogParams } from "@/lib/shared/catalog-url";

const parse = (search: string, fallback?: string) =>
  parseCatalogParams(new URLSearchParams(search), fallback);

describe("catalog filters in the URL", () => {
  it("reads query, makes and takes, in either list style", () => {
    expect(parse("q=flux+pro&makes=video,image&takes=image&takes=text")).toEqual({
      query: "flux pro",
      makes: ["image", "video"],
      takes: ["text", "image"],
    });
  });

  it("drops unknown kinds so an outdated link still opens", () => {
    expect(parse("makes=3d,IMAGE,&takes=smell")).toEqual({
      query: "",
      makes: ["image"],
      takes: [],
    });
  });

  it("uses the fallback query only when the URL has none", () => {
    expect(parse("", "tts").query).toBe("tts");
    expect(parse("q=", "tts").query).toBe("");
  });

  it("writes readable parameters and keeps unrelated ones", () => {
    const search = withCatalogParams("?utm=x&q=old", {
      query: "flux pro",
      makes: ["video", "image"],
      takes: ["audio"],
    });
    expect(search).toBe("utm=x&q=flux+pro&makes=image,video&takes=audio");
    expect(parse(search)).toEqual({
      query: "flux pro",
      makes: ["image", "video"],
      takes: ["audio"],
    });
  });

  it("removes parameters that no longer filter anything", () => {
    expect(withCatalogParams("q=flux&makes=image&page=2", { ...NO_FILTERS, query: "  " })).toBe(
      "page=2",
    );
  });

  it("compares query strings the way useSearchParams serializes them", () => {
    expect(canonicalSearch("?makes=image,video")).toBe(canonicalSearch("makes=image%2Cvideo"));
  });
});
