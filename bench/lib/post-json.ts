/**
 * @module A POST of a JSON body over a keep-alive node:http agent, answering the parsed JSON. What the
 * floor and the benchmark's own checks use: nothing but the socket pool and JSON.parse.
 */
import { Agent, request } from "node:http";

export const keepAlive = new Agent({ keepAlive: true, maxSockets: 64, scheduling: "lifo" });

export function postJson(url: string, body: string, headers: Record<string, string> = {}, agent: Agent = keepAlive): Promise<{ status: number; body: any; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
