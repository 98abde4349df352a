import { describe, expect, it } from "vitest";
import { splitCategories, workflowDetailsFormSchema } from "@/lib/shared/workflow-schemas";

describe("the workflow details form", () => {
  it("reads categories separated by commas, dropping blanks and repeats", () => {
    expect(splitCategories(" image, upscaling ,, image ,")).toEqual(["image", "upscaling"]);
    expect(splitCategories("   ")).toEqual([]);
  });

  it("accepts a name with a description and categories", () => {
    const parsed = workflowDetailsFormSchema.parse({
      name: "  Portrait pipeline ",
      description: "",
      categories: "image, portrait",
    });
    expect(parsed.name).toBe("Portrait pipeline");
  });

  it("refuses an empty name, more than 10 categories and a category over 60 characters", () => {
    const errorsOf = (values: { name: string; description: string; categories: string }) =>
      workflowDetailsFormSchema.safeParse(values).error?.issues.map((issue) => issue.message);
    expect(errorsOf({ name: " ", description: "", categories: "" })).toEqual([
      "Give the workflow a name.",
    ]);
    expect(errorsOf({ name: "a", description: "", categories: "1,2,3,4,5,6,7,8,9,10,11" })).toEqual(
      ["Use at most 10 categories."],
    );
    expect(errorsOf({ name: "a", description: "", categories: "x".repeat(61) })).toEqual([
      "Keep each category under 60 characters.",
    ]);
  });
});
