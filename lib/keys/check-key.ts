import "server-only";
import { serverAccess } from "../eachlabs/access";
import { callUpstream } from "../eachlabs/upstream";
import { UpstreamError } from "../eachlabs/upstream-error";
import { AppError } from "../shared/errors";

/**
 * Asks upstream whether it accepts a key before we store it: a refused key is better
 * reported now than at the first run. Only an explicit 401/403 counts as refused.
 */
export async function assertKeyAccepted(apiKey: string): Promise<void> {
  try {
    await callUpstream({
      url: `${serverAccess().urls.api}/v1/webhooks?limit=1`,
      apiKey,
      retries: 0,
      timeoutMs: 10_000,
    });
  } catch (error) {
    if (error instanceof UpstreamError && (error.status === 401 || error.status === 403)) {
      throw new AppError(
        "unprocessable:api_key",
        "each::labs refused this key. Check that you copied all of it.",
        {
          fields: { apiKey: "each::labs refused this key. Check that you copied all of it." },
        },
      );
    }
  }
}
