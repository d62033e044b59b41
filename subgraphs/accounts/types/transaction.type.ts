import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { connectionType } from "../../shared/connection.js";
import { Money } from "../../shared/money.type.js";

export enum TransactionStatus {
  BOOKED = "booked",
  PENDING = "pending",
}
registerEnumType(TransactionStatus, { name: "TransactionStatus" });

export enum BookingStatus {
  BOOKED = "booked",
  PENDING = "pending",
  BOTH = "both",
}
registerEnumType(BookingStatus, { name: "BookingStatus", description: "Which transactions to list, as Berlin Group's bookingStatus." });

@ObjectType({ description: "A movement on an account. Amounts are signed: negative is money leaving the account." })
export class Transaction {
  @Field(() => ID, { description: "Opaque; stable for the life of the transaction." }) id!: string;
  @Field(() => TransactionStatus) status!: TransactionStatus;
  @Field(() => Money) amount!: Money;
  @Field(() => String, { nullable: true }) bookingDate!: string | null;
  @Field(() => String, { nullable: true }) valueDate!: string | null;
  @Field(() => String, { nullable: true }) creditorName!: string | null;
  @Field(() => String, { nullable: true }) creditorIban!: string | null;
  @Field(() => String, { nullable: true }) debtorName!: string | null;
  @Field(() => String, { nullable: true }) debtorIban!: string | null;
  @Field(() => String, { nullable: true }) remittanceInformationUnstructured!: string | null;
  @Field(() => String, { nullable: true }) endToEndId!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 20022 bank transaction code, e.g. "PMNT-ICDT-ESCT".' })
  bankTransactionCode!: string | null;

  bankId!: string;
  accountRef!: string;
}

export const TransactionConnection = connectionType("Transaction", Transaction);
