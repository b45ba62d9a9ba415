/**
 * A stand-in for a fetch-style serverless platform, for the cold-start bench: a fresh process
 * loads the function file (argv[2], e.g. dist/serverless.mjs), then serves HTTP on $PORT by
 * turning each request into a Request for its default export's `fetch` and its Response back.
 * What a platform adds on top (its own runtime start, routing) is not measured.
 *
 *   PORT=8787 node bench/serverless-host.mjs dist/serverless.mjs
 */
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const entry = process.argv[2];
if (!entry) throw new Error("usage: node bench/serverless-host.mjs <function file>");
const handler = (await import(pathToFileURL(resolve(entry)).href)).default;

const server = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: req.method === "POST" || req.method === "PUT" ? Buffer.concat(chunks) : undefined });
    handler.fetch(request).then(
      async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      },
      (error) => {
        process.stderr.write(`serverless host: ${error instanceof Error ? error.stack : String(error)}\n`);
        res.writeHead(500).end();
      },
    );
  });
});
server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
