/**
 * @module Services of the spec this ASPSP does not offer, answered as such rather than as unknown
 * paths: card accounts (no connector reports cards) and signing baskets.
 */
import { Router } from "express";
import { BerlinGroupError } from "../errors.js";

const notOffered = (what: string) => () => {
  throw new BerlinGroupError("SERVICE_INVALID", `${what} are not offered by this ASPSP.`, { status: 400 });
};

export function unsupportedRoutes(): Router {
  const router = Router();
  router.all(["/card-accounts", "/card-accounts/*rest"], notOffered("Card accounts"));
  router.all(["/signing-baskets", "/signing-baskets/*rest"], notOffered("Signing baskets"));
  return router;
}
