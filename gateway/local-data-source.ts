/**
 * @module Runs a subgraph in-process. Unlike the stock LocalGraphQLDataSource it parses each
 * planner-generated operation once (the planner emits the same few strings over and over), skips
 * re-validating them, and gives the subgraph its own per-request context (EntityManager fork and
 * DataLoaders), shared by every fetch of one gateway request so that batching spans the request.
 */
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import type { GatewayGraphQLResponse } from "@apollo/server-gateway-interface";
import { execute, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import type { Logger } from "pino";
import type { Caller } from "../subgraphs/shared/context.js";
import { maskUnexpectedError } from "./errors.js";

export interface GatewayContext {
  caller: Caller;
}

const MAX_CACHED_DOCUMENTS = 1_000;

export class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly documents = new Map<string, DocumentNode>();
  private readonly contexts = new WeakMap<object, object>();

  constructor(
    private readonly name: string,
    private readonly schema: GraphQLSchema,
    private readonly createContext: (caller: Caller) => object,
    private readonly logger: Logger,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    const result = await execute({
      schema: this.schema,
      document: this.document(request.query!),
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue: this.contextFor(context as GatewayContext),
    });
    if (!result.errors) return result as GatewayGraphQLResponse;
    return { ...result, errors: result.errors.map((e) => maskUnexpectedError(e, this.logger, this.name)) } as GatewayGraphQLResponse;
  }

  private contextFor(gatewayContext: GatewayContext): object {
    let context = this.contexts.get(gatewayContext);
    if (!context) {
      context = this.createContext(gatewayContext.caller);
      this.contexts.set(gatewayContext, context);
    }
    return context;
  }

  private document(query: string): DocumentNode {
    let document = this.documents.get(query);
    if (!document) {
      document = parse(query);
      if (this.documents.size >= MAX_CACHED_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(query, document);
    }
    return document;
  }
}

