import { startApp, StartError, type RunningApp } from "./app.js";
import { ConfigError, createConfig, type Config } from "./config.js";
import { ContentError } from "./content/load.js";
import { ROOT } from "./deps.js";
import { createLogger, type Logger } from "./privacy/logger.js";

/**
 * `npm start`: the process around the app (src/app.ts). A wrong environment or content is one
 * line and exit 2; an unreachable Bot API one line and exit 1; SIGTERM/SIGINT a clean stop.
 */

/** Reads `.env` beside package.json if there is one; variables already set win. */
function loadDotEnv(): void {
  try {
    process.loadEnvFile(`${ROOT}/.env`);
  } catch {
    // No .env: configuration comes from the environment alone.
  }
}

function fail(message: string, code: number): never {
  process.stderr.write(`not-your-fault: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  let logger: Logger;
  try {
    config = createConfig(process.env);
    logger = createLogger(config.logLevel);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, 2);
    throw error;
  }
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

  let app: RunningApp;
  try {
    app = await startApp(config, logger);
  } catch (error) {
    if (error instanceof ContentError) fail(error.message, 2);
    if (error instanceof StartError) fail(error.message, 1);
    throw error;
  }

  // The crisis check is built just after start (src/app.ts): if it cannot be, stop as a bad
  // flows/ file at start does, with one line naming the problem.
  app.crisisCheck.catch((error: unknown) => {
    logger.fatal({ err: error }, "the crisis check cannot be built");
    fail(`the crisis check cannot be built: ${error instanceof Error ? error.message : String(error)}`, 2);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await app.stop();
    logger.info("stopped");
    process.exit(0);
  };
  // `on`, not `once`: npm forwards the signal it gets to us, so it can arrive twice; a second one
  // must not kill an update that the first one is letting finish.
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

await main();
