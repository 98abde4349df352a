import "server-only";
import { readStoredAuthSecret } from "./config/auth-secret";
import { parseEnv, type AppConfig } from "./config/env-schema";

export type ServerConfig = AppConfig & { auth: AppConfig["auth"] & { secret: string } };

function load(): ServerConfig {
  const config = parseEnv(process.env);
  const secret = config.auth.secret ?? readStoredAuthSecret(config.dataDir);
  if (!secret) {
    // The launcher (npm start) always provides one; this only happens when `next start`
    // is run by hand without NEXTAUTH_SECRET.
    throw new Error(
      "NEXTAUTH_SECRET must be set (or start the app with `npm start`, which generates one)",
    );
  }
  return { ...config, auth: { ...config.auth, secret } };
}

let cached: ServerConfig | undefined;

/** The validated configuration, read once per process. */
export function env(): ServerConfig {
  cached ??= load();
  return cached;
}
