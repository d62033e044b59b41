/**
 * @module The four fan-out subgraphs (accounts, inventory, products, reviews) as Federation 2 schemas
 * built with @apollo/subgraph. Same types, fields and resolver behaviour as the Rust subgraphs of the
 * public gateway benchmark, written in SDL-first style.
 */
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse, type DocumentNode, type GraphQLSchema } from "graphql";
import { inStock, products, reviews, users, type Review } from "./data.js";

export interface FanoutSubgraph {
  name: string;
  typeDefs: DocumentNode;
  schema: GraphQLSchema;
}

const link = (imports: string[]) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports.map((i) => `"${i}"`).join(", ")}])`;

/** The author every review reports, with the first two reviews (as the original does). */
const author = () => ({ id: "1", username: "urigo", reviews: reviews.slice(0, 2) });

function subgraph(name: string, sdl: string, resolvers: Record<string, any>): FanoutSubgraph {
  const typeDefs = parse(sdl);
  return { name, typeDefs, schema: buildSubgraphSchema([{ typeDefs, resolvers }]) };
}

export function fanoutSubgraphs(): FanoutSubgraph[] {
  const accounts = subgraph(
    "accounts",
    `${link(["@key", "@shareable"])}
    type Query { me: User user(id: ID!): User users: [User] }
    type User @key(fields: "id") { id: ID! name: String username: String @shareable birthday: Int }`,
    {
      Query: { me: () => users[0], user: (_: unknown, { id }: { id: string }) => users.find((u) => u.id === id), users: () => users },
      User: { __resolveReference: ({ id }: { id: string }) => users.find((u) => u.id === id) },
    },
  );
  const inventory = subgraph(
    "inventory",
    `${link(["@key", "@external", "@requires"])}
    type Product @key(fields: "upc") {
      upc: String!
      weight: Int @external
      price: Int @external
      inStock: Boolean
      shippingEstimate: Int @requires(fields: "price weight")
    }`,
    {
      Product: {
        __resolveReference: (ref: { upc: string; price?: number | null; weight?: number | null }) => ({ ...ref, inStock: inStock[ref.upc] ?? null }),
        shippingEstimate: ({ price, weight }: { price?: number | null; weight?: number | null }) => {
          if (price == null) return null;
          if (price > 1000) return 0;
          return weight == null ? null : Math.trunc(weight / 2);
        },
      },
    },
  );
  const productsSubgraph = subgraph(
    "products",
    `${link(["@key"])}
    type Query { topProducts(first: Int = 5): [Product] }
    type Product @key(fields: "upc") { upc: String! name: String price: Int weight: Int }`,
    {
      Query: { topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first) },
      Product: { __resolveReference: ({ upc }: { upc: string }) => products.find((p) => p.upc === upc) },
    },
  );
  const reviewsSubgraph = subgraph(
    "reviews",
    `${link(["@key", "@external", "@provides"])}
    type Review @key(fields: "id") { id: ID! body: String product: Product author: User @provides(fields: "username") }
    type User @key(fields: "id") { id: ID! username: String @external reviews: [Review] }
    type Product @key(fields: "upc") { upc: String! reviews: [Review] }`,
    {
      Review: {
        __resolveReference: ({ id }: { id: string }) => reviews.find((r) => r.id === id),
        product: (review: Review) => ({ upc: review.productUpc }),
        author,
      },
      User: { __resolveReference: ({ id }: { id: string }) => ({ id, username: "user", reviews: reviews.slice(0, 2) }) },
      Product: {
        __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
        reviews: ({ upc }: { upc: string }) => reviews.filter((r) => r.productUpc === upc),
      },
    },
  );
  return [accounts, inventory, productsSubgraph, reviewsSubgraph];
}
