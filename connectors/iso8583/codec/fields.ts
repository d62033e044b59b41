/**
 * @module The ISO 8583:1987 data elements as data: number, type, how the length travels, length and name.
 * The codec reads only this table, so a core's dialect (a field that is LLVAR there, a private field
 * used differently) is a change of rows, not of code. Field 1 (secondary bitmap) is the codec's own;
 * field 65 (tertiary bitmap) is left out, so a message that sets it is refused.
 *
 * Types: n digits; z track data (digits and "="); x+n "C"/"D" then digits; b bytes (hex in values);
 * a, an, ans, ns text. Switches disagree on which punctuation an "an" field may carry, so every text
 * type accepts printable ASCII.
 */
export type FieldType = "n" | "z" | "x+n" | "b" | "a" | "an" | "ans" | "ns";
export type LengthPrefix = "fixed" | "LL" | "LLL";

export interface FieldSpec {
  id: number;
  type: FieldType;
  prefix: LengthPrefix;
  /** Fixed length, or the maximum of a variable field: digits for n/z/x+n (without the sign), bytes for b, characters otherwise. */
  length: number;
  name: string;
}

type Row = [id: number, type: FieldType, prefix: LengthPrefix, length: number, name: string];

const ROWS: Row[] = [
  [2, "n", "LL", 19, "Primary account number (PAN)"],
  [3, "n", "fixed", 6, "Processing code"],
  [4, "n", "fixed", 12, "Amount, transaction"],
  [5, "n", "fixed", 12, "Amount, settlement"],
  [6, "n", "fixed", 12, "Amount, cardholder billing"],
  [7, "n", "fixed", 10, "Transmission date and time (MMDDhhmmss)"],
  [8, "n", "fixed", 8, "Amount, cardholder billing fee"],
  [9, "n", "fixed", 8, "Conversion rate, settlement"],
  [10, "n", "fixed", 8, "Conversion rate, cardholder billing"],
  [11, "n", "fixed", 6, "System trace audit number (STAN)"],
  [12, "n", "fixed", 6, "Time, local transaction (hhmmss)"],
  [13, "n", "fixed", 4, "Date, local transaction (MMDD)"],
  [14, "n", "fixed", 4, "Date, expiration (YYMM)"],
  [15, "n", "fixed", 4, "Date, settlement (MMDD)"],
  [16, "n", "fixed", 4, "Date, conversion (MMDD)"],
  [17, "n", "fixed", 4, "Date, capture (MMDD)"],
  [18, "n", "fixed", 4, "Merchant type"],
  [19, "n", "fixed", 3, "Acquiring institution country code"],
  [20, "n", "fixed", 3, "PAN extended, country code"],
  [21, "n", "fixed", 3, "Forwarding institution country code"],
  [22, "n", "fixed", 3, "Point of service entry mode"],
  [23, "n", "fixed", 3, "Card sequence number"],
  [24, "n", "fixed", 3, "Network international identifier"],
  [25, "n", "fixed", 2, "Point of service condition code"],
  [26, "n", "fixed", 2, "Point of service PIN capture code"],
  [27, "n", "fixed", 1, "Authorization identification response length"],
  [28, "x+n", "fixed", 8, "Amount, transaction fee"],
  [29, "x+n", "fixed", 8, "Amount, settlement fee"],
  [30, "x+n", "fixed", 8, "Amount, transaction processing fee"],
  [31, "x+n", "fixed", 8, "Amount, settlement processing fee"],
  [32, "n", "LL", 11, "Acquiring institution identification code"],
  [33, "n", "LL", 11, "Forwarding institution identification code"],
  [34, "ns", "LL", 28, "Primary account number, extended"],
  [35, "z", "LL", 37, "Track 2 data"],
  [36, "z", "LLL", 104, "Track 3 data"],
  [37, "an", "fixed", 12, "Retrieval reference number (RRN)"],
  [38, "an", "fixed", 6, "Authorization identification response"],
  [39, "an", "fixed", 2, "Response code"],
  [40, "an", "fixed", 3, "Service restriction code"],
  [41, "ans", "fixed", 8, "Card acceptor terminal identification"],
  [42, "ans", "fixed", 15, "Card acceptor identification code"],
  [43, "ans", "fixed", 40, "Card acceptor name/location"],
  [44, "an", "LL", 25, "Additional response data"],
  [45, "an", "LL", 76, "Track 1 data"],
  [46, "an", "LLL", 999, "Additional data, ISO"],
  [47, "an", "LLL", 999, "Additional data, national"],
  [48, "an", "LLL", 999, "Additional data, private"],
  [49, "n", "fixed", 3, "Currency code, transaction"],
  [50, "n", "fixed", 3, "Currency code, settlement"],
  [51, "n", "fixed", 3, "Currency code, cardholder billing"],
  [52, "b", "fixed", 8, "Personal identification number (PIN) data"],
  [53, "n", "fixed", 16, "Security related control information"],
  [54, "an", "LLL", 120, "Additional amounts"],
  ...range(55, 56).map((id): Row => [id, "ans", "LLL", 999, "Reserved for ISO use"]),
  ...range(57, 60).map((id): Row => [id, "ans", "LLL", 999, "Reserved for national use"]),
  ...range(61, 63).map((id): Row => [id, "ans", "LLL", 999, "Reserved for private use"]),
  [64, "b", "fixed", 8, "Message authentication code (MAC)"],
  [66, "n", "fixed", 1, "Settlement code"],
  [67, "n", "fixed", 2, "Extended payment code"],
  [68, "n", "fixed", 3, "Receiving institution country code"],
  [69, "n", "fixed", 3, "Settlement institution country code"],
  [70, "n", "fixed", 3, "Network management information code"],
  [71, "n", "fixed", 4, "Message number"],
  [72, "n", "fixed", 4, "Message number, last"],
  [73, "n", "fixed", 6, "Date, action (YYMMDD)"],
  [74, "n", "fixed", 10, "Credits, number"],
  [75, "n", "fixed", 10, "Credits, reversal number"],
  [76, "n", "fixed", 10, "Debits, number"],
  [77, "n", "fixed", 10, "Debits, reversal number"],
  [78, "n", "fixed", 10, "Transfer, number"],
  [79, "n", "fixed", 10, "Transfer, reversal number"],
  [80, "n", "fixed", 10, "Inquiries, number"],
  [81, "n", "fixed", 10, "Authorizations, number"],
  [82, "n", "fixed", 12, "Credits, processing fee amount"],
  [83, "n", "fixed", 12, "Credits, transaction fee amount"],
  [84, "n", "fixed", 12, "Debits, processing fee amount"],
  [85, "n", "fixed", 12, "Debits, transaction fee amount"],
  [86, "n", "fixed", 16, "Credits, amount"],
  [87, "n", "fixed", 16, "Credits, reversal amount"],
  [88, "n", "fixed", 16, "Debits, amount"],
  [89, "n", "fixed", 16, "Debits, reversal amount"],
  [90, "n", "fixed", 42, "Original data elements"],
  [91, "an", "fixed", 1, "File update code"],
  [92, "an", "fixed", 2, "File security code"],
  [93, "an", "fixed", 5, "Response indicator"],
  [94, "an", "fixed", 7, "Service indicator"],
  [95, "an", "fixed", 42, "Replacement amounts"],
  [96, "b", "fixed", 8, "Message security code"],
  [97, "x+n", "fixed", 16, "Amount, net settlement"],
  [98, "ans", "fixed", 25, "Payee"],
  [99, "n", "LL", 11, "Settlement institution identification code"],
  [100, "n", "LL", 11, "Receiving institution identification code"],
  [101, "ans", "LL", 17, "File name"],
  [102, "ans", "LL", 28, "Account identification 1"],
  [103, "ans", "LL", 28, "Account identification 2"],
  [104, "ans", "LLL", 100, "Transaction description"],
  ...range(105, 111).map((id): Row => [id, "ans", "LLL", 999, "Reserved for ISO use"]),
  ...range(112, 119).map((id): Row => [id, "ans", "LLL", 999, "Reserved for national use"]),
  ...range(120, 127).map((id): Row => [id, "ans", "LLL", 999, "Reserved for private use"]),
  [128, "b", "fixed", 8, "Message authentication code (MAC)"],
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The ISO 8583:1987 table, by field number. */
export const ISO8583_1987: ReadonlyMap<number, FieldSpec> = new Map(
  ROWS.map(([id, type, prefix, length, name]) => [id, { id, type, prefix, length, name }]),
);
