/** A pain.001.001.03 single credit transfer, as TPP tools send it. */
export function pain001(payment: { debtorIban: string; creditorIban: string; creditorName: string; amount: string; currency?: string; remittance?: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
  <CstmrCdtTrfInitn>
    <GrpHdr><MsgId>MSG-1</MsgId><CreDtTm>2026-11-22T09:40:47</CreDtTm><NbOfTxs>1</NbOfTxs><InitgPty><Nm>Test TPP</Nm></InitgPty></GrpHdr>
    <PmtInf>
      <PmtInfId>NOTPROVIDED</PmtInfId><PmtMtd>TRF</PmtMtd><ReqdExctnDt>1999-01-01</ReqdExctnDt>
      <Dbtr><Nm>Max Mustermann</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>${payment.debtorIban}</IBAN></Id></DbtrAcct>
      <ChrgBr>SLEV</ChrgBr>
      <CdtTrfTxInf>
        <PmtId><EndToEndId>E2E-PAIN-1</EndToEndId></PmtId>
        <Amt><InstdAmt Ccy="${payment.currency ?? "EUR"}">${payment.amount}</InstdAmt></Amt>
        <Cdtr><Nm>${payment.creditorName}</Nm></Cdtr>
        <CdtrAcct><Id><IBAN>${payment.creditorIban}</IBAN></Id></CdtrAcct>
        <RmtInf><Ustrd>${payment.remittance ?? "pain.001 test"}</Ustrd></RmtInf>
      </CdtTrfTxInf>
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>`;
}

/** A pain.001.001.03 with several credit transfers in one PmtInf (a bulk), batch booking as given. */
export function pain001Bulk(debtorIban: string, transfers: { creditorIban: string; creditorName: string; amount: string }[], batchBooking = true): string {
  const entries = transfers
    .map((t, i) => `<CdtTrfTxInf><PmtId><EndToEndId>E2E-BULK-${i}</EndToEndId></PmtId><Amt><InstdAmt Ccy="EUR">${t.amount}</InstdAmt></Amt>
        <Cdtr><Nm>${t.creditorName}</Nm></Cdtr><CdtrAcct><Id><IBAN>${t.creditorIban}</IBAN></Id></CdtrAcct><RmtInf><Ustrd>Bulk ${i}</Ustrd></RmtInf></CdtTrfTxInf>`)
    .join("\n      ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
  <CstmrCdtTrfInitn>
    <GrpHdr><MsgId>MSG-BULK</MsgId><CreDtTm>2026-11-22T09:40:47</CreDtTm><NbOfTxs>${transfers.length}</NbOfTxs><InitgPty><Nm>Test TPP</Nm></InitgPty></GrpHdr>
    <PmtInf>
      <PmtInfId>BULK-1</PmtInfId><PmtMtd>TRF</PmtMtd><BtchBookg>${batchBooking}</BtchBookg><ReqdExctnDt>1999-01-01</ReqdExctnDt>
      <Dbtr><Nm>Max Mustermann</Nm></Dbtr>
      <DbtrAcct><Id><IBAN>${debtorIban}</IBAN></Id></DbtrAcct>
      ${entries}
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>`;
}
