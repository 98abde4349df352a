// The code that reproduces a run against the real API, for the "API" tab: cURL, Python
// (requests) and JavaScript (fetch), written the way the each::labs reference writes them,
// polling included. Browser-safe; the key is always the YOUR_API_KEY placeholder.

export const PUBLIC_API_URL = "https://api.eachlabs.ai";

export type SnippetRequest = { model: string; version: string; input: Record<string, unknown> };
export type SnippetLanguage = "curl" | "python" | "javascript";

function requestBody({ model, version, input }: SnippetRequest) {
  return { model, version, input };
}

/** A JSON value as a Python literal (True/False/None), indented like json.dumps(indent=4). */
export function pythonLiteral(value: unknown, indent = 0): string {
  const pad = " ".repeat(indent + 4);
  const end = " ".repeat(indent);
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "None";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => pad + pythonLiteral(item, indent + 4)).join(",\n")}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${pad}${JSON.stringify(key)}: ${pythonLiteral(item, indent + 4)}`).join(",\n")}\n${end}}`;
}

/** Single-quoted for a POSIX shell: a ' inside becomes '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

function curl(request: SnippetRequest): string {
  const json = JSON.stringify(requestBody(request), null, 2);
  return [
    `curl -X POST ${PUBLIC_API_URL}/v1/prediction \\`,
    `  -H "X-API-Key: YOUR_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d ${shellQuote(json)}`,
    "",
    "# The response carries a predictionID. Poll every 2 seconds until the status is",
    "# success, failed or cancelled:",
    `curl ${PUBLIC_API_URL}/v1/prediction/PREDICTION_ID \\`,
    `  -H "X-API-Key: YOUR_API_KEY"`,
  ].join("\n");
}

function python(request: SnippetRequest): string {
  return [
    "import requests, time",
    "",
    'headers = {"X-API-Key": "YOUR_API_KEY", "Content-Type": "application/json"}',
    "",
    "# Create prediction",
    `r = requests.post("${PUBLIC_API_URL}/v1/prediction", headers=headers, json=${pythonLiteral(requestBody(request))})`,
    'prediction_id = r.json()["predictionID"]',
    "",
    "# Poll for result",
    "while True:",
    `    r = requests.get(f"${PUBLIC_API_URL}/v1/prediction/{prediction_id}", headers=headers)`,
    "    data = r.json()",
    '    if data["status"] in ("success", "failed", "cancelled"):',
    "        break",
    "    time.sleep(2)",
    "",
    'print(data["output"])',
  ].join("\n");
}

function javascript(request: SnippetRequest): string {
  const body = JSON.stringify(requestBody(request), null, 2).replace(/\n/g, "\n  ");
  return [
    'const headers = { "X-API-Key": "YOUR_API_KEY", "Content-Type": "application/json" };',
    "",
    "// Create prediction",
    `const res = await fetch("${PUBLIC_API_URL}/v1/prediction", {`,
    '  method: "POST",',
    "  headers,",
    `  body: JSON.stringify(${body}),`,
    "});",
    "const { predictionID } = await res.json();",
    "",
    "// Poll for result",
    "let result;",
    "while (true) {",
    `  const r = await fetch(\`${PUBLIC_API_URL}/v1/prediction/\${predictionID}\`, { headers });`,
    "  result = await r.json();",
    '  if (["success", "failed", "cancelled"].includes(result.status)) break;',
    "  await new Promise((resolve) => setTimeout(resolve, 2000));",
    "}",
    "console.log(result.output);",
  ].join("\n");
}

export function apiSnippet(language: SnippetLanguage, request: SnippetRequest): string {
  return language === "curl"
    ? curl(request)
    : language === "python"
      ? python(request)
      : javascript(request);
}
