/** @module How a facade route is declared: a handler of the request context, answering JSON with the echoed X-Request-ID. */
import type { Request, Response } from "express";
import type { RequestContext } from "./request-context.js";

export type Handler = (ctx: RequestContext, req: Request, res: Response) => Promise<void>;

/** Express handler that hands the route its context (built by the facade's middleware). */
export const route =
  (handler: Handler) =>
  (req: Request, res: Response): Promise<void> =>
    handler(res.locals.berlinGroup as RequestContext, req, res);

export function sendJson(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.status(status).type("application/json").send(JSON.stringify(body));
}

/** A path parameter (express 5 types them as string | string[]). */
export const param = (req: Request, name: string): string => String(req.params[name] ?? "");

/** A query parameter given once, or undefined. */
export function query(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}
