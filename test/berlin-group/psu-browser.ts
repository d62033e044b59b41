/** A PSU's browser on the hub's SCA pages: follows the scaRedirect link and submits each form as a person would. */
import { expect } from "vitest";

const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];

/** Logs in, picks `method` when asked to choose, enters the code (or denies); answers where the bank sends the PSU back. */
export async function authoriseInBrowser(scaRedirect: string, psu: { login: string; password: string; code: string; method?: string; deny?: boolean }): Promise<string | null> {
  let page = await fetch(scaRedirect);
  expect(page.status).toBe(200);
  let html = await page.text();
  const submit = async (fields: Record<string, string>) => {
    const csrf = csrfOf(html);
    expect(csrf, html.slice(0, 300)).toBeDefined();
    page = await fetch(scaRedirect, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ csrf: csrf!, ...fields }) });
    html = page.status === 303 ? "" : await page.text();
  };
  if (psu.deny) await submit({ action: "deny" });
  else {
    await submit({ action: "login", psuId: psu.login, password: psu.password });
    if (html.includes('name="authenticationMethodId"')) await submit({ action: "select", authenticationMethodId: psu.method ?? "sms" });
    if (html.includes('name="scaAuthenticationData"')) await submit({ action: "approve", scaAuthenticationData: psu.code });
  }
  return page.status === 303 ? page.headers.get("location") : null;
}
