/** @module Error codes of TPP webhooks. */
import { commonErrors, HubError } from "../../shared/errors.js";

export const webhookErrors = {
  endpointNotFound: (id: string) => commonErrors.notFound("webhook endpoint", id),
  deliveryNotFound: (id: string) => commonErrors.notFound("webhook delivery", id),
  invalidUrl: (url: string, reason: string) =>
    new HubError("INVALID_WEBHOOK_URL", `Webhook URL "${url.slice(0, 200)}" is refused: ${reason}.`, { details: { reason } }),
  tooManyEndpoints: (max: number) =>
    new HubError("WEBHOOK_ENDPOINT_LIMIT", `A TPP can register at most ${max} webhook endpoints; delete one first.`, {
      httpStatus: 409,
      details: { max },
    }),
  notRedeliverable: (id: string, status: string) =>
    new HubError("WEBHOOK_DELIVERY_IN_PROGRESS", `Delivery "${id}" is ${status}; only a SUCCEEDED or DEAD delivery can be redelivered.`, {
      httpStatus: 409,
      details: { id, status },
    }),
};
