import { parseCliArgs, USAGE, UsageError, type CliOptions } from "./cli-args.js";
import { startSimulator } from "./server.js";

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`simulator: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const { quiet, help: _help, ...simulatorOptions } = options;
  const simulator = await startSimulator({
    ...simulatorOptions,
    log: quiet ? () => undefined : (line) => process.stderr.write(`${line}\n`),
  });
  // The one line on stdout: a parent process waits for it to learn the port.
  process.stdout.write(
    `SIMULATOR_READY ${JSON.stringify({ port: simulator.port, url: simulator.url, dialect: simulator.context.config.dialect })}\n`,
  );

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    process.stderr.write(`simulator: ${signal}, closing\n`);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
