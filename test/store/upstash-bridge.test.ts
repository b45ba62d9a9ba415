/**
 * The Upstash REST bridge, driven by the real @upstash/redis client against the real redis-server.
 * If these pass, store tests that use the Upstash adapter exercise the client's actual wire format.
 */
import { createHash, randomUUID } from "node:crypto";
import { connect } from "node:net";
import { Redis, type RedisConfigNodejs } from "@upstash/redis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startUpstashBridge, type UpstashBridge } from "../support/upstash-bridge.js";
import { adminClient, freePort, redisUrl } from "../support/redis.js";

const REDIS_URL = redisUrl("upstashBridge");
const admin = adminClient(REDIS_URL);
let bridge: UpstashBridge;

type ClientOptions = Partial<RedisConfigNodejs>;

/** The real client, configured the way the app uses it unless a test overrides something. */
function client(options: ClientOptions = {}, target: UpstashBridge = bridge): Redis {
  return new Redis({
    url: target.url,
    token: target.token,
    automaticDeserialization: false,
    enableTelemetry: false,
    enableAutoPipelining: false,
    ...options,
  });
}

/** A raw POST, for status codes and bodies the client hides behind an exception. */
async function post(path: string, body: string, headers: Record<string, string> = {}): Promise<[number, unknown]> {
  const res = await fetch(`${bridge.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${bridge.token}`, "Content-Type": "application/json", ...headers },
    body,
  });
  return [res.status, await res.json()];
}

beforeAll(async () => {
  bridge = await startUpstashBridge({ redisUrl: REDIS_URL });
});

afterAll(async () => {
  await bridge.close();
  await admin.quit();
});

beforeEach(async () => {
  await admin.flushdb();
});

describe("the Upstash REST bridge", () => {
  it("round-trips non-ASCII text, quotes, newlines and base64-looking values byte for byte", async () => {
    const redis = client();
    const hindi = "नमस्ते ✓";
    const awkward = `he said "hi"\nline two\r\n\ttab \\ backslash 'single' {"json":true}`;
    expect(await redis.set("hindi", hindi)).toBe("OK");
    expect(await redis.set("awkward", awkward)).toBe("OK");
    // "abcd" and "PONG" are valid base64: unencoded, the client would decode them into garbage.
    expect(await redis.set("b64ish", "abcd")).toBe("OK");
    expect(await redis.set("ok", "OK")).toBe("OK");

    expect(await redis.get("hindi")).toBe(hindi);
    expect(await redis.get("awkward")).toBe(awkward);
    expect(await redis.get("b64ish")).toBe("abcd");
    expect(await redis.get("ok")).toBe("OK");
    expect(await admin.getBuffer("hindi")).toEqual(Buffer.from(hindi, "utf8"));
    expect(await admin.get("awkward")).toBe(awkward);
  });

  it("answers a missing key with null and PING with PONG", async () => {
    const redis = client();
    expect(await redis.get("nothing-here")).toBeNull();
    expect(await redis.ping()).toBe("PONG");
  });

  it("sets with EX, then TTL, PTTL, EXISTS and DEL see it", async () => {
    const redis = client();
    expect(await redis.set("session", "v", { ex: 10 })).toBe("OK");
    const ttl = await redis.ttl("session");
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10);
    const pttl = await redis.pttl("session");
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(10_000);
    expect(await admin.ttl("session")).toBeGreaterThan(0);

    expect(await redis.exists("session", "other")).toBe(1);
    expect(await redis.del("session")).toBe(1);
    expect(await redis.del("session")).toBe(0);
    expect(await redis.exists("session")).toBe(0);
    expect(await admin.exists("session")).toBe(0);
  });

  it("lists keys with KEYS and SCAN, and FLUSHDB empties the database", async () => {
    const redis = client();
    await admin.mset("a", "1", "b", "2", "c", "3");
    expect((await redis.keys("*")).sort()).toEqual(["a", "b", "c"]);
    const [cursor, keys] = await redis.scan(0, { count: 100 });
    expect(cursor).toBe("0");
    expect([...keys].sort()).toEqual(["a", "b", "c"]);
    expect(await redis.flushdb()).toBe("OK");
    expect(await admin.dbsize()).toBe(0);
  });

  it("runs Lua through EVAL and SCRIPT LOAD, with nested arrays, integers and nil", async () => {
    const redis = client();
    const lua = "redis.call('SET', KEYS[1], ARGV[1]); return {KEYS[1], redis.call('GET', KEYS[1]), 42, {7, 'x'}}";
    expect(await redis.eval(lua, ["k"], ["नमस्ते"])).toEqual(["k", "नमस्ते", 42, [7, "x"]]);
    expect(await admin.get("k")).toBe("नमस्ते");
    expect(await redis.eval("return redis.call('GET', KEYS[1])", ["missing"], [])).toBeNull();

    const sha = createHash("sha1").update(lua).digest("hex");
    expect(await redis.scriptLoad(lua)).toBe(sha);
    expect(await redis.evalsha(sha, ["k2"], ["v2"])).toEqual(["k2", "v2", 42, [7, "x"]]);
  });

  it("lets createScript().exec fall back from EVALSHA to EVAL once, then use EVALSHA", async () => {
    const redis = client();
    // A script no one has loaded (SCRIPT FLUSH would disturb other test files on the shared server).
    const script = redis.createScript(`-- ${randomUUID()}\nreturn redis.call('INCRBY', KEYS[1], ARGV[1])`);

    const before = bridge.requests();
    expect(await script.exec(["counter"], ["5"])).toBe(5);
    expect(bridge.requests() - before).toBe(2); // EVALSHA → NOSCRIPT, then EVAL

    expect(await script.exec(["counter"], ["2"])).toBe(7);
    expect(bridge.requests() - before).toBe(3); // the script is cached now
    expect(await admin.get("counter")).toBe("7");
  });

  it("shows NOSCRIPT to the client as an error", async () => {
    await expect(client().evalsha("0".repeat(40), [], [])).rejects.toThrow(/NOSCRIPT/);
  });

  it("runs a pipeline in one request, in order, keeping going past a failed command", async () => {
    const redis = client();
    const before = bridge.requests();
    const results = await redis.pipeline().set("a", "1").incr("a").get("a").get("missing").exec();
    expect(results).toEqual(["OK", 2, "2", null]);
    expect(bridge.requests() - before).toBe(1);

    const kept = await redis.pipeline().set("s", "text").incr("s").set("after", "ran").exec({ keepErrors: true });
    expect(kept[0]).toEqual({ error: undefined, result: "OK" });
    expect(kept[1]?.error).toMatch(/^ERR value is not an integer/);
    expect(kept[2]).toEqual({ error: undefined, result: "OK" });
    expect(await admin.get("after")).toBe("ran");

    await expect(redis.pipeline().set("x", "y").incr("x").exec()).rejects.toThrow(/Command 2 \[ incr \] failed: ERR value is not an integer/);
  });

  it("runs multi() as MULTI/EXEC in one request", async () => {
    const redis = client();
    const multiCalls = async (): Promise<number> => Number(/cmdstat_multi:calls=(\d+)/.exec(await admin.info("commandstats"))?.[1] ?? 0);
    const multisBefore = await multiCalls();
    const before = bridge.requests();

    const results = await redis.multi().set("m", "नमस्ते").get("m").del("m").get("m").exec();
    expect(results).toEqual(["OK", "नमस्ते", 1, null]);
    expect(bridge.requests() - before).toBe(1);
    expect(await multiCalls()).toBeGreaterThan(multisBefore);

    const kept = await redis.multi().set("s", "text").incr("s").get("s").exec({ keepErrors: true });
    expect(kept.map((entry) => entry.result)).toEqual(["OK", undefined, "text"]);
    expect(kept[1]?.error).toMatch(/^ERR value is not an integer/);
  });

  it("rejects a failing command with Redis's error", async () => {
    const redis = client();
    await redis.set("word", "abc");
    await expect(redis.incr("word")).rejects.toThrow(/ERR value is not an integer or out of range/);
    expect(await redis.get("word")).toBe("abc");
    expect(await post("/", JSON.stringify(["INCR", "word"]))).toEqual([400, { error: "ERR value is not an integer or out of range" }]);
  });

  it("turns away a wrong or missing token with 401", async () => {
    await expect(client({ token: "wrong" }).get("k")).rejects.toThrow(/Unauthorized/);
    expect(await post("/", JSON.stringify(["PING"]), { Authorization: "Bearer wrong" })).toEqual([401, { error: "Unauthorized" }]);
    const res = await fetch(bridge.url, { method: "POST", body: JSON.stringify(["PING"]) });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: "Unauthorized" });
  });

  it("answers malformed bodies with 400 and keeps serving", async () => {
    const [status, body] = await post("/", "{not json");
    expect(status).toBe(400);
    expect(body).toEqual({ error: expect.any(String) as unknown });
    expect((await post("/", JSON.stringify({ command: "GET" })))[0]).toBe(400);
    expect((await post("/", JSON.stringify(["GET", { nested: true }])))[0]).toBe(400);
    expect((await post("/pipeline", JSON.stringify(["GET", "k"])))[0]).toBe(400);
    expect((await post("/multi-exec", "[]"))[0]).toBe(400);
    expect(await post("/", JSON.stringify(["SET", "n", 12, "EX", 60]))).toEqual([200, { result: "OK" }]);
    expect(await admin.get("n")).toBe("12");
    expect((await fetch(bridge.url, { headers: { Authorization: `Bearer ${bridge.token}` } })).status).toBe(405);
    expect((await post("/nope", '["PING"]'))[0]).toBe(404);
  });

  it("base64-encodes raw bytes, recursively, only when asked to", async () => {
    await admin.set("bin", Buffer.from([0xff, 0x00, 0x41]));
    await admin.rpush("list", "a", "नमस्ते");
    const b64 = { "Upstash-Encoding": "base64" };
    expect(await post("/", JSON.stringify(["GET", "bin"]), b64)).toEqual([200, { result: "/wBB" }]);
    expect(await post("/", JSON.stringify(["SET", "k", "v"]), b64)).toEqual([200, { result: "OK" }]);
    expect(await post("/pipeline", JSON.stringify([["LRANGE", "list", 0, -1], ["LLEN", "list"], ["GET", "nope"]]), b64)).toEqual([
      200,
      [{ result: ["YQ==", Buffer.from("नमस्ते").toString("base64")] }, { result: 2 }, { result: null }],
    ]);
    expect(await post("/", JSON.stringify(["LRANGE", "list", 0, -1]))).toEqual([200, { result: ["a", "नमस्ते"] }]);
  });

  it("works with plain-text responses (responseEncoding: false)", async () => {
    const redis = client({ responseEncoding: false });
    expect(await redis.set("plain", "नमस्ते ✓ \"q\"\n")).toBe("OK");
    expect(await redis.get("plain")).toBe("नमस्ते ✓ \"q\"\n");
    expect(await redis.set("b64ish", "abcd")).toBe("OK");
    expect(await redis.get("b64ish")).toBe("abcd");
    expect(await redis.ping()).toBe("PONG");
    expect(await redis.pipeline().incr("n").get("n").exec()).toEqual([1, "1"]);
  });

  it("works with auto-pipelining left on, batching concurrent commands into one request", async () => {
    const redis = client({ enableAutoPipelining: undefined });
    let before = bridge.requests();
    expect(await Promise.all([redis.set("a", "1"), redis.set("b", "नमस्ते"), redis.incr("c")])).toEqual(["OK", "OK", 1]);
    expect(bridge.requests() - before).toBe(1);

    before = bridge.requests();
    expect(await Promise.all([redis.get("a"), redis.get("b"), redis.get("c"), redis.get("none")])).toEqual(["1", "नमस्ते", "1", null]);
    expect(bridge.requests() - before).toBe(1);
    await expect(redis.incr("b")).rejects.toThrow(/ERR value is not an integer/);
  });
});

describe("bridge outages", () => {
  const extra: UpstashBridge[] = [];
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((b) => b.close()));
  });

  it("rejects commands while closed and serves again when restarted on the same port", async () => {
    const first = await startUpstashBridge({ redisUrl: REDIS_URL, token: "t0ken" });
    const redis = client({ retry: false }, first);
    expect(await redis.set("k", "before")).toBe("OK");

    // The client keeps its socket alive; close() must still finish promptly.
    const closed = await Promise.race([first.close().then(() => true), new Promise((r) => setTimeout(() => r(false), 2_000))]);
    expect(closed).toBe(true);
    await expect(redis.get("k")).rejects.toThrow();

    const second = await startUpstashBridge({ redisUrl: REDIS_URL, token: "t0ken", port: first.port });
    extra.push(second);
    expect(second.url).toBe(first.url);
    expect(await redis.get("k")).toBe("before");
    expect(second.requests()).toBe(1);
  });

  it("closes promptly even with a request still in flight", async () => {
    const busy = await startUpstashBridge({ redisUrl: REDIS_URL });
    const socket = connect(busy.port, "127.0.0.1");
    socket.on("error", () => undefined);
    await new Promise((resolve) => socket.once("connect", resolve));
    // Headers promise a body that never arrives, so the connection is active, not idle.
    socket.write(`POST / HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${busy.token}\r\nContent-Length: 100\r\n\r\n["GE`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(busy.requests()).toBe(1);
    const closed = await Promise.race([busy.close().then(() => true), new Promise((r) => setTimeout(() => r(false), 2_000))]);
    socket.destroy();
    expect(closed).toBe(true);
  });

  it("answers 500 promptly when Redis is unreachable", async () => {
    const deadRedis = `redis://127.0.0.1:${await freePort()}/0`;
    const orphan = await startUpstashBridge({ redisUrl: deadRedis });
    extra.push(orphan);
    const started = Date.now();
    await expect(client({ retry: false }, orphan).get("k")).rejects.toThrow(/Redis is not connected/);
    expect(Date.now() - started).toBeLessThan(2_000);
    const res = await fetch(orphan.url, { method: "POST", headers: { Authorization: `Bearer ${orphan.token}` }, body: '["PING"]' });
    expect(res.status).toBe(500);
  });
});
