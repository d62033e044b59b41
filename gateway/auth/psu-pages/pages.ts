/** @module The HTML of the hub's PSU pages: plain forms, no script, every value escaped. */
import type { ScaMethodView, SubjectView } from "./sca-subjects.js";

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.3rem}ul{padding-left:1.2rem}label{display:block;margin:.6rem 0 .2rem}input{width:100%;padding:.4rem;box-sizing:border-box}
.actions{display:flex;gap:.6rem;margin-top:1rem}button{padding:.5rem 1rem}.error{color:#a40000}</style>
</head><body>${body}</body></html>`;
}

function grantList(subject: SubjectView): string {
  const what = { consent: "asks for access to", payment: "asks you to authorise a payment:", paymentCancellation: "asks you to authorise the cancellation of a payment:" }[subject.kind];
  return `<p><strong>${escape(subject.tppName)}</strong> ${what}</p><ul>${subject.summary.map((line) => `<li>${escape(line)}</li>`).join("")}</ul>`;
}

const hidden = (csrf: string) => `<input type="hidden" name="csrf" value="${escape(csrf)}">`;
const denyButton = `<button type="submit" name="action" value="deny" formnovalidate>Deny</button>`;
const errorLine = (error?: string) => (error ? `<p class="error" role="alert">${escape(error)}</p>` : "");

export function loginPage(subject: SubjectView, csrf: string, psuId: string | null, error?: string): string {
  return layout(
    "Log in to your bank",
    `<h1>Log in to your bank</h1>${grantList(subject)}${errorLine(error)}
<form method="post">${hidden(csrf)}
<label for="psu">Login</label><input id="psu" name="psuId" autocomplete="username" required value="${escape(psuId ?? "")}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="actions"><button type="submit" name="action" value="login">Log in and continue</button>${denyButton}</div></form>`,
  );
}

export function methodPage(subject: SubjectView, csrf: string, methods: ScaMethodView[]): string {
  const options = methods
    .map((m, i) => `<label><input type="radio" name="authenticationMethodId" value="${escape(m.authenticationMethodId)}"${i === 0 ? " checked" : ""}> ${escape(m.name)}</label>`)
    .join("");
  return layout(
    "Choose how to confirm",
    `<h1>Choose how to confirm</h1>${grantList(subject)}<form method="post">${hidden(csrf)}${options}
<div class="actions"><button type="submit" name="action" value="select">Send the code</button>${denyButton}</div></form>`,
  );
}

export function confirmPage(subject: SubjectView, csrf: string, method: ScaMethodView | null): string {
  return layout(
    "Confirm",
    `<h1>Confirm with your one-time code</h1>${grantList(subject)}
<p>We sent a code${method ? ` by ${escape(method.name)}` : ""}.</p>
<form method="post">${hidden(csrf)}<label for="code">One-time code</label>
<input id="code" name="scaAuthenticationData" inputmode="numeric" autocomplete="one-time-code" required>
<div class="actions"><button type="submit" name="action" value="approve">Approve</button>${denyButton}</div></form>`,
  );
}

export function resultPage(approved: boolean, message: string): string {
  return layout(approved ? "Done" : "Not authorised", `<h1>${approved ? "Done" : "Not authorised"}</h1><p>${escape(message)}</p><p>You can close this window.</p>`);
}
