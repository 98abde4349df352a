import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorContext } from "./context.js";
import type { Fault } from "./http/faults.js";
import { createApiProduct } from "./api/api-product.js";
import { createStorageProduct } from "./storage/storage-product.js";
import { createControlProduct } from "./control/control-product.js";
import { createSenseProduct } from "./sense/sense-product.js";
import {
  createOfficialWorkflowsProduct,
  createPublicWorkflowsProduct,
  createWorkflowsProduct,
} from "./workflows/workflows-product.js";

/**
 * One product of the platform, mounted under a path prefix on the shared port.
 * `handle` receives the path with the prefix removed and returns false when no
 * route matched, so the server can answer 404.
 */
export interface Product {
  name: string;
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<boolean>;
  /**
   * Optional: plays an `X-Simulator-Fail` fault on this product's paths with its
   * own error bodies (the server's default answers with each::api's).
   */
  playFault?(
    req: IncomingMessage,
    res: ServerResponse,
    fault: Fault,
  ): Promise<"handled" | "continue">;
}

export type ProductFactory = (ctx: SimulatorContext) => Product;

/**
 * The products served, matched by longest prefix:
 * - `/__simulator` control API (switches, reset, listings; loopback only)
 * - `/media`, `/uploads` generated media and uploaded files (the "CDN")
 * - `/workflows/api/v1` each::workflows, reference paths (workflows/workflows-product.ts)
 * - `/v1/workflows`, `/v1/public` each::workflows, official paths (same service)
 * - `/sense` each::sense (sense/sense-product.ts)
 * - `/` each::api (`/v1/...`)
 *
 * They share `SimulatorContext`: run model steps with `ctx.predictions`,
 * authenticate with `authenticate(req, ctx.config.keys)` from api/auth.ts, send
 * errors with `sendApiError` (dialect-aware), and honour `X-Simulator-Fail`
 * for free (the server applies it before any product). Extra products can also
 * be passed to `startSimulator({ ... }, extraProducts)` in tests. each::workflows
 * is created before each::sense so sense's workflow store is the product's.
 */
export const DEFAULT_PRODUCTS: readonly ProductFactory[] = [
  createControlProduct,
  createStorageProduct,
  createWorkflowsProduct,
  createOfficialWorkflowsProduct,
  createPublicWorkflowsProduct,
  createSenseProduct,
  createApiProduct,
];
