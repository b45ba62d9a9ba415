/**
 * The throughput bench's driver, where it once counted an update as unanswered that the bot never
 * received: the bot's server had closed an idle keep-alive connection (Node's keepAliveTimeout,
 * 5 s), and the busy driver sent the next update on it before reading the server's FIN. Those
 * updates failed at once with ECONNRESET on a reused socket (6 of 20,000 in one two-process run
 * here, all on one process within the same millisecond); the person's later updates then each
 * waited 20 s for a message that was never coming. Here a server closes the connection exactly
 * then, every time.
 */
import { once } from "node:events";
import { Agent } from "node:http";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { post } from "../../bench/throughput.js";

const from = { id: 1, is_bot: false, first_name: "Bench" };
const update = (id: number): Update => ({ update_id: id, message: { message_id: id, date: 0, chat: { id: 1, type: "private", first_name: "Bench" }, from, text: "hi" } });

/**
 * A webhook endpoint on raw TCP: each connection answers its first request (keep-alive) and meets
 * any later one with a reset, as a socket the server closed while it was idle does. With `resetFirst`,
 * a fresh connection's first request is reset as well (a server that fails outright).
 */
async function closingServer(options: { resetFirst?: boolean } = {}) {
  const received: number[] = [];
  let connections = 0;
  const server = createServer((socket: Socket) => {
    connections++;
    let answered = 0;
    let buffer = "";
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      const end = buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(buffer.slice(0, end))?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      const body = buffer.slice(end + 4, end + 4 + length);
      buffer = "";
      if (answered > 0 || options.resetFirst) return void socket.resetAndDestroy();
      answered++;
      received.push((JSON.parse(body) as Update).update_id);
      const reply = '{"method":"answerCallbackQuery"}';
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${reply.length}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n${reply}`);
    });
    socket.on("error", () => undefined);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { port: (server.address() as AddressInfo).port, received, connections: () => connections, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe("the throughput driver sends an update again when its keep-alive connection was already closed", () => {
  it("an update sent on a connection the bot's server closed while idle reaches the bot on a new one, and is counted as answered", async () => {
    const server = await closingServer();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanup.push(() => agent.destroy(), server.close);
    const first = await post(agent, server.port, update(1));
    expect(first).toMatchObject({ status: 200, reply: "answerCallbackQuery", resent: 0 });
    await new Promise((r) => setImmediate(r));
    const second = await post(agent, server.port, update(2));
    expect(second).toMatchObject({ status: 200, reply: "answerCallbackQuery", resent: 1 });
    expect(server.received).toEqual([1, 2]);
    expect(server.connections()).toBe(2);
  });

  it("a fresh connection that fails is not sent again (the bot may have seen the update): it counts as unanswered", async () => {
    const server = await closingServer({ resetFirst: true });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    cleanup.push(() => agent.destroy(), server.close);
    expect(await post(agent, server.port, update(3))).toMatchObject({ status: 0, resent: 0 });
    expect(server.connections()).toBe(1);
  });
});
