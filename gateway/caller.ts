/**
 * @module Who is calling. Authentication (OAuth2 tokens checked with jose) plugs in here; until it
 * does, every request is anonymous, and every resolver already receives the typed caller.
 */
import type { Request } from "express";
import { anonymousCaller, type Caller } from "../subgraphs/shared/context.js";

export async function callerFromRequest(_req: Request): Promise<Caller> {
  return anonymousCaller;
}
