/** Access tokens from a running hub's own authorization server, as a TPP or the operator gets them. */
export async function clientCredentialsToken(issuer: string, clientId: string, clientSecret: string, scope: string): Promise<string> {
  const response = await fetch(`${issuer}/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials", scope }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!body.access_token) throw new Error(`token request for ${clientId} failed: ${body.error} ${body.error_description ?? ""}`);
  return body.access_token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
