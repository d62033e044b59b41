/**
 * A stand-in for the TLS-terminating proxy in front of the hub: it forwards each request and adds the
 * TPP's client certificate in a header (as nginx's $ssl_client_escaped_cert does), so a TPP tool that
 * knows nothing of the hub's identification can run unchanged against the facade.
 */
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface TlsProxy {
  url: string;
  close(): Promise<void>;
}

export async function startTlsProxy(target: string, certificateHeader: string, pem: string): Promise<TlsProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const forwarded = request(
      { host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host, [certificateHeader]: encodeURIComponent(pem) } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on("error", () => res.writeHead(502).end());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
