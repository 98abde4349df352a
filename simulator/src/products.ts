import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorContext } from "./context.js";
import { createApiProduct } from "./api/api-product.js";
import { createStorageProduct } from "./storage/storage-product.js";
import { createControlProduct } from "./control/control-product.js";

/**
 * One product of the platform, mounted under a path prefix on the shared port.
 * `handle` receives the path with the prefix removed and returns false when no
 * route matched, so the server can answer 404.
 */
export interface Product {
  name: string;
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<boolean>;
}

export type ProductFactory = (ctx: SimulatorContext) => Product;

/**
 * The products served, matched by longest prefix:
 * - `/__simulator` control API (switches, reset, listings; loopback only)
 * - `/media`, `/uploads` generated media and uploaded files (the "CDN")
 * - `/` each::api (`/v1/...`)
 *
 * Extension points, to be added by their authors with the same shape:
 * - each::workflows at `/workflows/api/v1` (createWorkflowsProduct)
 * - each::sense at `/sense` (createSenseProduct)
 * They share `SimulatorContext`: run model steps with `ctx.predictions`,
 * authenticate with `authenticate(req, ctx.config.keys)` from api/auth.ts, send
 * errors with `sendApiError` (dialect-aware), and honour `X-Simulator-Fail`
 * for free (the server applies it before any product). Extra products can also
 * be passed to `startSimulator({ ... }, extraProducts)` in tests.
 */
export const DEFAULT_PRODUCTS: readonly ProductFactory[] = [
  createControlProduct,
  createStorageProduct,
  createApiProduct,
];
