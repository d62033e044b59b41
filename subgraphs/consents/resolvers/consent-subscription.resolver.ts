import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import { eventsOf, type HubEvent } from "../../shared/event-source.js";
import { assertUuid } from "../../shared/ids.js";
import { CONSENT_STATUS_CHANGED } from "../consent-history.js";
import { CONSENT_EXPIRING } from "../consent-expiry.js";
import { Consent } from "../entities/index.js";

const consentKey = (event: HubEvent) => ({ id: String(event.payload.consentId) });

@Resolver()
export class ConsentSubscriptionResolver {
  @Subscription(() => Consent, {
    description: "Every status change of one consent (authorised, revoked, expired, …). `after`: the last event id seen, to resume.",
    subscribe: ({ args, context }) =>
      eventsOf(context).stream({ types: [CONSENT_STATUS_CHANGED], subject: `Consent:${assertUuid(args.consentId, "consentId")}`, after: args.after }),
  })
  consentStatusChanged(
    @Root() event: HubEvent,
    @Arg("consentId", () => ID) _consentId: string,
    @Arg("after", () => ID, { nullable: true }) _after?: string,
  ): Pick<Consent, "id"> {
    return consentKey(event);
  }

  @Subscription(() => Consent, {
    description: "Consents of the caller that expire soon (CONSENT_EXPIRING_NOTICE_HOURS before validUntil passes), once each.",
    subscribe: ({ args, context }) => eventsOf(context).stream({ types: [CONSENT_EXPIRING], after: args.after }),
  })
  consentExpiring(@Root() event: HubEvent, @Arg("after", () => ID, { nullable: true }) _after?: string): Pick<Consent, "id"> {
    return consentKey(event);
  }
}
