import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Server-Sent Events must reach the browser unbuffered; compression buffers them.
  compress: false,
  poweredByHeader: false,
  // It finds its ffmpeg binary next to its own files, which bundling would move away.
  serverExternalPackages: ["@ffmpeg-installer/ffmpeg"],
  // `npm run typecheck` checks the whole repository (app, simulator, scripts, tests) as its
  // own step of `npm test`; doing it again inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
