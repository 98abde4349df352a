import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, PLATFORM_URLS, SIMULATOR_API_KEY } from "@/lib/config/env-schema";

const cwd = "/srv/playground";
const s3Keys = {
  STORAGE_S3_BUCKET: "playground-media",
  STORAGE_S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
  STORAGE_S3_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG",
};

describe("parseEnv", () => {
  it("with nothing set, uses the embedded database under .data and the simulator on port 3000", () => {
    const config = parseEnv({}, cwd);
    expect(config.database).toEqual({ kind: "pglite", dir: path.join(cwd, ".data", "pglite") });
    expect(config.eachlabs.target).toBe("simulator");
    expect(config.eachlabs.apiKey).toBe(SIMULATOR_API_KEY);
    expect(config.eachlabs.urls.api).toBe("http://127.0.0.1:4010");
    expect(config.port).toBe(3000);
    expect(config.auth.github).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: " ", EACHLABS_API_KEY: "" }, cwd).database.kind).toBe(
      "pglite",
    );
  });

  it("uses real PostgreSQL for a postgres:// URL", () => {
    const url = "postgresql://app@db.internal:5432/playground";
    expect(parseEnv({ DATABASE_URL: url }, cwd).database).toEqual({ kind: "postgres", url });
  });

  it("talks to the platform when a key is set, with the documented base URLs", () => {
    const config = parseEnv({ EACHLABS_API_KEY: "ek_live_123" }, cwd);
    expect(config.eachlabs).toEqual({
      target: "platform",
      apiKey: "ek_live_123",
      urls: { ...PLATFORM_URLS },
    });
  });

  it("keeps explicit base URLs, without a trailing slash", () => {
    const config = parseEnv(
      { EACHLABS_API_KEY: "k", EACHLABS_API_URL: "https://proxy.example.com/each/" },
      cwd,
    );
    expect(config.eachlabs.urls.api).toBe("https://proxy.example.com/each");
  });

  it("turns GitHub sign-in on only with both variables", () => {
    expect(parseEnv({ GITHUB_ID: "id", GITHUB_SECRET: "secret" }, cwd).auth.github).toEqual({
      id: "id",
      secret: "secret",
    });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/],
    [{ PORT: "eighty" }, /^PORT must be a port number from 1 to 65535 \(got "eighty"\)$/],
    [{ PORT: "70000" }, /^PORT must be a port number from 1 to 65535/],
    [{ EACHLABS_API_URL: "ftp://files" }, /^EACHLABS_API_URL must be an http\(s\) URL/],
    [{ NEXTAUTH_SECRET: "short" }, /^NEXTAUTH_SECRET must be at least 32 characters \(got "…"\)$/],
    [
      { GITHUB_ID: "only-id" },
      /^GITHUB_SECRET must be set together with the other GitHub variable$/,
    ],
    [{ SIMULATOR_DIALECT: "classic" }, /^SIMULATOR_DIALECT must be reference or official/],
    [
      { SENSE_IDLE_TIMEOUT_MS: "5" },
      /^SENSE_IDLE_TIMEOUT_MS must be whole milliseconds from 1000 to 900000/,
    ],
    [{ RUNS_PER_MINUTE: "0" }, /^RUNS_PER_MINUTE must be a whole number of runs per minute/],
    [{ STORAGE_DRIVER: "gcs" }, /^STORAGE_DRIVER must be local or s3 \(got "gcs"\)$/],
    [
      { STORAGE_DRIVER: "s3", ...s3Keys, STORAGE_S3_BUCKET: undefined },
      /^STORAGE_S3_BUCKET must be set when STORAGE_DRIVER is s3$/,
    ],
    [
      { STORAGE_DRIVER: "s3", ...s3Keys, STORAGE_S3_ACCESS_KEY_ID: "" },
      /^STORAGE_S3_ACCESS_KEY_ID must be set when STORAGE_DRIVER is s3/,
    ],
    [
      { STORAGE_DRIVER: "s3", ...s3Keys, STORAGE_S3_SECRET_ACCESS_KEY: undefined },
      /^STORAGE_S3_SECRET_ACCESS_KEY must be set when STORAGE_DRIVER is s3$/,
    ],
    [
      { STORAGE_DRIVER: "s3", ...s3Keys, STORAGE_S3_ENDPOINT: "minio:9000" },
      /^STORAGE_S3_ENDPOINT must be an http\(s\) URL/,
    ],
    [
      { STORAGE_DRIVER: "s3", ...s3Keys, STORAGE_S3_FORCE_PATH_STYLE: "yes" },
      /^STORAGE_S3_FORCE_PATH_STYLE must be true or false \(got "yes"\)$/,
    ],
  ])("refuses %o with one line naming the variable", (env, message) => {
    let error: unknown;
    try {
      parseEnv(env, cwd);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("never echoes a secret in its message", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "hunter2" }, cwd)).toThrow(/got "…"/);
    expect(() =>
      parseEnv({ STORAGE_DRIVER: "s3", ...s3Keys, STORAGE_S3_ACCESS_KEY_ID: " " }, cwd),
    ).toThrow(/^STORAGE_S3_ACCESS_KEY_ID must be set when STORAGE_DRIVER is s3 \(got "…"\)$/);
  });

  it("stores media locally unless STORAGE_DRIVER is s3, whatever S3 variables are set", () => {
    expect(parseEnv({}, cwd).storage).toEqual({ driver: "local" });
    expect(parseEnv({ STORAGE_DRIVER: "local", ...s3Keys }, cwd).storage).toEqual({
      driver: "local",
    });
  });

  it("stores media in an S3 bucket in us-east-1, virtual-hosted style, by default", () => {
    expect(parseEnv({ STORAGE_DRIVER: "s3", ...s3Keys }, cwd).storage).toEqual({
      driver: "s3",
      bucket: "playground-media",
      region: "us-east-1",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG",
      forcePathStyle: false,
    });
  });

  it("talks to any S3-compatible endpoint, path-style when asked", () => {
    const storage = parseEnv(
      {
        STORAGE_DRIVER: "s3",
        ...s3Keys,
        STORAGE_S3_REGION: "auto",
        STORAGE_S3_ENDPOINT: "http://minio.internal:9000/",
        STORAGE_S3_FORCE_PATH_STYLE: "true",
      },
      cwd,
    ).storage;
    expect(storage).toMatchObject({
      driver: "s3",
      region: "auto",
      endpoint: "http://minio.internal:9000",
      forcePathStyle: true,
    });
  });
});
