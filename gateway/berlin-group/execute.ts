/**
 * @module Runs one typed GraphQL operation in-process through the gateway, as the request's caller,
 * and turns the first GraphQL error into a Berlin Group error.
 */
import type { ApolloServer } from "@apollo/server";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type DocumentNode } from "graphql";
import type { Caller } from "../../subgraphs/shared/context.js";
import type { GatewayContext } from "../local-data-source.js";
import { BodylessError, toBerlinGroupError, type NotFoundAs } from "./graphql-errors.js";

export interface ToleratedError {
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export type Execute = <Data, Variables extends Record<string, unknown>>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  /** How a missing resource is answered: a consent in the path is CONSENT_UNKNOWN 403, an id in the body is 400. */
  options?: { notFoundAs?: NotFoundAs; notFoundStatus?: number; tolerate?: (error: ToleratedError) => boolean },
) => Promise<Data>;

/** Each operation's text, printed once: Apollo Server caches parsed and validated documents by their text. */
const texts = new WeakMap<DocumentNode, string>();
function textOf(document: DocumentNode): string {
  let text = texts.get(document);
  if (!text) {
    text = print(document);
    texts.set(document, text);
  }
  return text;
}

/** An executor bound to one request's caller. */
export function executorFor(apollo: ApolloServer<GatewayContext>, caller: Caller): Execute {
  return async (document, variables, options = {}) => {
    const response = await apollo.executeOperation({ query: textOf(document), variables }, { contextValue: { caller } });
    if (response.body.kind !== "single") throw new BodylessError(500, "An incremental response was not expected.");
    const { data, errors } = response.body.singleResult;
    const untolerated = errors?.filter((e) => !options.tolerate?.(e));
    if (untolerated?.length) throw toBerlinGroupError(untolerated[0]!, options.notFoundAs ?? "RESOURCE_UNKNOWN", options.notFoundStatus);
    return data as never;
  };
}
