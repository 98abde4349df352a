import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { apiSnippet, pythonLiteral, type SnippetRequest } from "@/lib/shared/api-snippets";

const request: SnippetRequest = {
  model: "flux-2-max",
  version: "1.0.0",
  input: {
    prompt: 'It\'s a "cinematic" landscape\nat dusk',
    aspect_ratio: "16:9",
    num_outputs: 2,
    enable_safety_checker: false,
    seed: null,
  },
};

describe("API code", () => {
  it("cURL sends exactly the run's JSON, however the prompt is quoted", () => {
    const code = apiSnippet("curl", request);
    expect(code).toContain("curl -X POST https://api.eachlabs.ai/v1/prediction");
    expect(code).toContain('-H "X-API-Key: YOUR_API_KEY"');
    const quoted = /-d ('(?:[^']|'\\'')*')/.exec(code)?.[1];
    const sent = execFileSync("bash", ["-c", `printf %s ${quoted}`], { encoding: "utf8" });
    expect(JSON.parse(sent)).toEqual(request);
    expect(code).toContain("https://api.eachlabs.ai/v1/prediction/PREDICTION_ID");
  });

  it("Python is valid Python that posts the run's input and polls until a terminal status", () => {
    const code = apiSnippet("python", request);
    execFileSync("python3", ["-c", "import ast,sys; ast.parse(sys.stdin.read())"], { input: code });
    const literal = execFileSync(
      "python3",
      ["-c", `import json,sys; print(json.dumps(${pythonLiteral(request)}))`],
      { encoding: "utf8" },
    );
    expect(JSON.parse(literal)).toEqual(request);
    expect(code).toContain('if data["status"] in ("success", "failed", "cancelled"):');
    expect(code).toContain("time.sleep(2)");
  });

  it("JavaScript parses and carries the same body", () => {
    const code = apiSnippet("javascript", request);
    expect(() => new Function(`return (async () => {\n${code}\n});`)).not.toThrow();
    const body = /body: JSON\.stringify\(([\s\S]*?)\),\n\}\);/.exec(code)?.[1];
    expect(JSON.parse(body!)).toEqual(request);
    expect(code).toContain("YOUR_API_KEY");
  });
});
