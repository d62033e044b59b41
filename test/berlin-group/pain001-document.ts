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
