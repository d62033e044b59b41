/** @module Liveness and readiness: /healthz says the process is up, /readyz that it can serve. */
import type { Express } from "express";

export type ReadinessCheck = () => Promise<Record<string, { ok: boolean; detail?: string }>>;

export function mountOps(app: Express, readiness: ReadinessCheck): void {
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const checks = await readiness().catch((error: Error) => ({ readiness: { ok: false, detail: error.message } }));
    const ready = Object.values(checks).every((c) => c.ok);
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "not ready", checks });
  });
}
