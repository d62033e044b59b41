import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/** A directory row: the hub's account id, and where that account lives (bank and core reference). */
@Entity({ tableName: "account_link" })
export class AccountLink {
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "string" })
  bankId!: string;

  @Property({ type: "string" })
  coreRef!: string;

  @Property({ type: "string" })
  iban!: string;

  @Property({ type: "string" })
  currency!: string;
}
