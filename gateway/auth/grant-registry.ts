/**
 * @module What the authorization server remembers about PSU grants beyond oidc-provider's own records:
 * which consent or payment a grant is bound to, and which grants were revoked (their JWT access
 * tokens carry the grant id, so they stop working at once instead of at expiry). Kept in the same
 * store as the grants.
 */
import type { ArtefactStore } from "./artefact-store.js";

export interface GrantBinding {
  consentId?: string;
  paymentId?: string;
}

export class GrantRegistry {
  constructor(
    private readonly store: ArtefactStore,
    private readonly grantTtlSeconds: number,
  ) {}

  bind(grantId: string, binding: GrantBinding): Promise<void> {
    return this.store.upsert("HubGrantBinding", grantId, { ...binding }, this.grantTtlSeconds);
  }

  async bindingOf(grantId: string): Promise<GrantBinding | undefined> {
    return (await this.store.find("HubGrantBinding", grantId)) as GrantBinding | undefined;
  }

  revoke(grantId: string): Promise<void> {
    return this.store.upsert("HubRevokedGrant", grantId, {}, this.grantTtlSeconds);
  }

  async isRevoked(grantId: string): Promise<boolean> {
    return (await this.store.find("HubRevokedGrant", grantId)) !== undefined;
  }
}
