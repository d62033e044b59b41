import { describe, expect, it } from "vitest";
import { parseRestOptions, RestConfigError } from "./config.js";
import { COREBANK_V2 } from "./test-core.js";

const env = { COREBANK_API_KEY: "s3cret-value" };
type Options = Record<string, any>;
const fixture = () => structuredClone(COREBANK_V2) as Options;
const parse = (change: (o: Options) => void, e: NodeJS.ProcessEnv = env) => {
  const options = fixture();
  change(options);
  return () => parseRestOptions("nordbank", options, e);
};

describe("rest connector options", () => {
  it("accepts the shipped mapping and applies defaults", () => {
    const config = parseRestOptions("nordbank", fixture(), env);
    expect(config).toMatchObject({ timeoutMs: 5_000, concurrency: 4, maxResponseBytes: 1_048_576, idempotencyHeader: "Idempotency-Key", requestIdHeader: "X-Request-ID" });
    expect(Object.keys(config.operations).sort()).toEqual(Object.keys(COREBANK_V2.operations as object).sort());
    expect(config.auth?.value()).toBe("s3cret-value");
    expect(JSON.stringify(config)).not.toContain("s3cret-value");
  });

  it("names the bank, option, operation and field in every complaint", () => {
    const cases: [(o: Options) => void, RegExp][] = [
      [(o) => (o.baseUrl = "ftp://core"), /REST bank "nordbank": connector\.options\.baseUrl: expected an http: or https: URL/],
      [(o) => (o.baseUrl = "https://user:pw@core.example/api"), /baseUrl: must not carry credentials/],
      [(o) => (o.timeoutMs = 0), /options\.timeoutMs: expected an integer from 1 to 120000, got 0/],
      [(o) => (o.auth.header = "Bad Header"), /options\.auth\.header: expected an HTTP header name/],
      [(o) => (o.operations.accountsOfPsu.method = "FETCH"), /operations\.accountsOfPsu\.method: expected one of GET, POST/],
      [(o) => (o.operations.accountsOfPsu.path = "customers/{psuId}"), /operations\.accountsOfPsu\.path: expected a path template starting with "\/"/],
      [(o) => (o.operations.accountsOfPsu.path = "/customers/{login}/accounts"), /operations\.accountsOfPsu\.path: unknown placeholder \{login\}; this request can use \{psuId\}/],
      [(o) => (o.operations.accountsByRefs.batch.body = { ids: "{ref}" }), /operations\.accountsByRefs\.batch\.body: unknown placeholder \{ref\}; this request can use \{refs\}/],
      [(o) => (o.operations.accountsOfPsu.list = "data.accounts"), /operations\.accountsOfPsu\.list: a list path ends in "\[\]"/],
      [(o) => delete o.operations.balances.batch.key, /operations\.balances\.batch\.key: is required/],
      [(o) => (o.operations.paymentStatus.next = "x"), /operations\.paymentStatus\.next: is not used by this operation/],
      [(o) => (o.operations.transactionsByRefs.one.list = "items[]"), /operations\.transactionsByRefs\.one: needs exactly one of "record".*or "list"/],
      [(o) => (o.operations.balances = { many: {} }), /operations\.balances: expected \{ "one": \{…\} \}/],
      [(o) => (o.operations.wireMoney = {}), /operations\.wireMoney: is no operation/],
      [(o) => delete o.records.funds, /records\.funds: is required by operations\.confirmFunds/],
      [(o) => delete o.records.account.iban, /records\.account\.iban: is required/],
      [(o) => (o.records.account.colour = "x"), /records\.account\.colour: is not a field of the account record/],
      [(o) => (o.records.account.status.map.GONE = "vanished"), /records\.account\.status\.map\.GONE: "vanished" is not one of enabled, deleted, blocked/],
      [(o) => (o.records.balance.amountMinor = { path: "a", amount: "cents" }), /records\.balance\.amountMinor\.amount: expected "decimal" or "minor"/],
      [(o) => (o.records.balance.referenceDate = { path: "a", value: "b" }), /records\.balance\.referenceDate: needs exactly one of "path" or "value"/],
      [(o) => (o.records.transaction.ref = "a..b"), /records\.transaction\.ref: "a\.\.b" is not a path/],
      [(o) => (o.errors.codes.NSF = "BROKE"), /errors\.codes\.NSF: "BROKE" is not one of INSUFFICIENT_FUNDS/],
      [(o) => delete o.values.bookingStatus.both, /values\.bookingStatus: needs a core value for each of booked, pending and both/],
      [(o) => (o.values.product.wire = "W"), /values\.product\.wire: is not one of sepa-credit-transfers/],
      [(o) => (o.operations = {}), /options\.operations: expected an object naming at least one of/],
    ];
    for (const [change, message] of cases) {
      const attempt = parse(change);
      expect(attempt, String(message)).toThrow(RestConfigError);
      expect(attempt, String(message)).toThrow(message);
    }
  });

  it("names a missing auth environment variable, never a value", () => {
    expect(parse(() => {}, {})).toThrow(/auth\.valueEnv: environment variable COREBANK_API_KEY is not set/);
    expect(parse(() => {}, { COREBANK_API_KEY: "line\nbreak" })).toThrow(/holds a line break/);
    expect(parse((o) => (o.auth.prefix = "Bearer "))().auth?.value()).toBe("Bearer s3cret-value");
  });

  it("takes a constant where the core has no field", () => {
    const config = parse((o) => (o.records.account.cashAccountType = { value: "CACC" }))();
    expect(config.records.account!.cashAccountType).toEqual({ value: "CACC" });
  });
});
