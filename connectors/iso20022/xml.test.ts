import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { XmlRejectedError } from "./errors.js";
import { at, buildIsoDocument, decodeXmlText, freeText, NAMESPACES, parseIsoDocument, text } from "./xml.js";

const camt052 = (body: string, ns: string = NAMESPACES["camt.052"]) => `<?xml version="1.0"?><Document xmlns="${ns}"><BkToCstmrAcctRpt>${body}</BkToCstmrAcctRpt></Document>`;

describe("locked-down ISO 20022 XML", () => {
  it("refuses DOCTYPE and ENTITY declarations before parsing, in any case", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><Document xmlns="${NAMESPACES["camt.052"]}">&lol2;</Document>`;
    expect(() => parseIsoDocument(laughs, "camt.052")).toThrow(/DOCTYPE or ENTITY/);
    expect(() => parseIsoDocument(`<!doctype x><Document/>`, "camt.052")).toThrow(XmlRejectedError);
    expect(() => parseIsoDocument(camt052(`<!ENTITY x SYSTEM "file:///etc/passwd">`), "camt.052")).toThrow(/DOCTYPE or ENTITY/);
  });

  it("refuses what is not well-formed, a second root, the wrong namespace or a missing message element", () => {
    expect(() => parseIsoDocument(camt052("<GrpHdr><MsgId>1</GrpHdr>"), "camt.052")).toThrow(/not well-formed/);
    expect(() => parseIsoDocument(`${camt052("")}<Other/>`, "camt.052")).toThrow(XmlRejectedError);
    expect(() => parseIsoDocument(camt052("<GrpHdr/>", NAMESPACES["camt.053"]), "camt.052")).toThrow(/Expected a camt.052 document .* got urn:iso:std:iso:20022:tech:xsd:camt.053.001.08/);
    expect(() => parseIsoDocument(`<Document xmlns="${NAMESPACES["camt.052"]}"><BkToCstmrStmt/></Document>`, "camt.052")).toThrow(/no BkToCstmrAcctRpt/);
    expect(() => parseIsoDocument("", "camt.052")).toThrow(XmlRejectedError);
  });

  it("reads a prefixed document the same as a default-namespace one", () => {
    const prefixed = `<n:Document xmlns:n="${NAMESPACES["camt.052"]}"><n:BkToCstmrAcctRpt><n:GrpHdr><n:MsgId>M1</n:MsgId></n:GrpHdr></n:BkToCstmrAcctRpt></n:Document>`;
    expect(text(at(parseIsoDocument(prefixed, "camt.052"), "GrpHdr", "MsgId"))).toBe("M1");
  });

  it("decodes only the predefined entities and character references, once", () => {
    expect(decodeXmlText("a &amp;lt; &lt;b&gt; &quot;&apos; &#228;&#x1F600; &unknown;")).toBe("a &lt; <b> \"' ä😀 &unknown;");
    expect(() => decodeXmlText("&#xD800;")).toThrow(/Invalid character reference/);
    const parsed = parseIsoDocument(camt052("<GrpHdr><MsgId>  R&amp;D &#8211; ok  </MsgId></GrpHdr>"), "camt.052");
    expect(freeText(at(parsed, "GrpHdr", "MsgId"))).toBe("  R&D – ok  ");
    expect(text(at(parsed, "GrpHdr", "MsgId"))).toBe("R&D – ok");
  });

  it("round-trips any XML-legal text through the builder and the parser", () => {
    const xmlChar = fc.oneof(fc.string({ unit: "grapheme" }), fc.constantFrom("&", "<", ">", '"', "'", "]]>", "&amp;", "  ", "\t"));
    fc.assert(
      fc.property(fc.array(xmlChar, { maxLength: 8 }).map((parts) => parts.join("").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/g, "")), (value) => {
        const xml = buildIsoDocument("camt.052", { GrpHdr: { MsgId: value || undefined } });
        expect(xml).not.toMatch(/<!DOCTYPE/);
        expect(freeText(at(parseIsoDocument(xml, "camt.052"), "GrpHdr", "MsgId")) ?? "").toBe(value);
      }),
      { numRuns: 300 },
    );
  });
});
