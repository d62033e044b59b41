/**
 * @module What the authorization server remembers about PSU grants beyond oidc-provider's own records:
 * which consent or payment a grant is bound to, and which grants were revoked (their JWT access
 * tokens carry the grant id, so they stop working at once instead of at expiry).
 */

export interface GrantBinding {
  consentId?: string;
  paymentId?: string;
}

/** Entries that forget themselves after `ttlMs` (a grant never outlives its refresh token). */
class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  set(key: string, value: V): void {
    this.sweep();
    this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt < Date.now()) return undefined;
    return entry.value;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt < now) this.entries.delete(key);
  }
}

export class GrantRegistry {
  private readonly bindings: ExpiringMap<GrantBinding>;
  private readonly revoked: ExpiringMap<true>;

  constructor(grantTtlSeconds: number) {
    this.bindings = new ExpiringMap(grantTtlSeconds * 1000);
    this.revoked = new ExpiringMap(grantTtlSeconds * 1000);
  }

  bind(grantId: string, binding: GrantBinding): void {
    this.bindings.set(grantId, binding);
  }

  bindingOf(grantId: string): GrantBinding | undefined {
    return this.bindings.get(grantId);
  }

  revoke(grantId: string): void {
    this.revoked.set(grantId, true);
  }

  isRevoked(grantId: string): boolean {
    return this.revoked.get(grantId) === true;
  }
}
