/**
 * @module The gateway's listening server: plain HTTP, or HTTPS when TLS_CERT_FILE and TLS_KEY_FILE are
 * set. With TLS_CLIENT_CA_FILE a TPP may present a client certificate; the handshake never fails for
 * its absence or for an untrusted one (bearer-token clients share the port), and the Berlin Group
 * facade trusts only a certificate the socket reports as authorised.
 */
import type { RequestListener } from "node:http";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { readFileSync } from "node:fs";
import { ConfigError, type TlsConfig } from "./config.js";

function read(file: string, variable: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ConfigError(`${variable}: cannot read ${file} (${(error as Error).message}).`);
  }
}

export function createListeningServer(app: RequestListener, tls: TlsConfig | undefined): Server {
  if (!tls) return createHttpServer(app);
  return createHttpsServer(
    {
      cert: read(tls.certFile, "TLS_CERT_FILE"),
      key: read(tls.keyFile, "TLS_KEY_FILE"),
      ...(tls.clientCaFile ? { ca: read(tls.clientCaFile, "TLS_CLIENT_CA_FILE"), requestCert: true, rejectUnauthorized: false } : {}),
      minVersion: "TLSv1.2",
    },
    app,
  );
}
