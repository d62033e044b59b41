/** @module Word lists for the sandbox seed: names, employers, merchants and the texts they print on statements. */

export const FIRST_NAMES = [
  "Lena", "Jonas", "Sophie", "Lukas", "Mia", "Felix", "Hannah", "Paul", "Emma", "Leon", "Laura", "Finn",
  "Clara", "Elias", "Johanna", "Moritz", "Katharina", "Tobias", "Sabine", "Jürgen", "Petra", "Stefan", "Ayşe", "Mehmet",
] as const;

export const LAST_NAMES = [
  "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter", "Klein",
  "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Yılmaz", "Kaya",
] as const;

export const CITIES = ["Nürnberg", "Frankfurt am Main", "München", "Berlin", "Hamburg", "Köln", "Erlangen", "Fürth", "Leipzig", "Stuttgart"] as const;

export const STREETS = ["Lindenstr. 12", "Hauptstr. 4a", "Goethestr. 27", "Am Stadtpark 3", "Bahnhofstr. 58", "Schillerplatz 9", "Rosenweg 15"] as const;

export const MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"] as const;

/** Banks outside the sandbox that counterparties bank with (real German bank codes). */
export const OUTSIDE_BANK_CODES = ["10070000", "20041133", "37040044", "43060967", "70020270", "60050101", "12030000", "30020900"] as const;

export const EMPLOYERS = [
  "Siemens AG", "SAP SE", "Robert Bosch GmbH", "Deutsche Bahn AG", "Stadt Nürnberg", "Friedrich-Alexander-Universität Erlangen",
  "adidas AG", "DATEV eG", "Schaeffler Technologies AG & Co. KG", "Klinikum Nürnberg", "Deutsche Post AG", "Zalando SE",
] as const;

export const LANDLORDS = ["Hausverwaltung Krämer GmbH", "Vonovia SE", "wbg Nürnberg GmbH", "Immobilien Berger & Söhne", "LEG Wohnen GmbH", "Familie Seidl"] as const;

export interface DirectDebitPayee {
  name: string;
  /** Printed on the statement; {month} and {ref} are filled in. */
  text: string;
  min: number;
  max: number;
  /** How many of the customers have this contract (0..1). */
  share: number;
}

export const DIRECT_DEBITS: readonly DirectDebitPayee[] = [
  { name: "N-ERGIE Aktiengesellschaft", text: "Abschlag Strom {month} Vertragskonto {ref}", min: 45, max: 140, share: 0.5 },
  { name: "Vattenfall Europe Sales GmbH", text: "Abschlag Strom/Gas {month} Kd-Nr. {ref}", min: 60, max: 190, share: 0.4 },
  { name: "Telekom Deutschland GmbH", text: "Rechnung {month} Kundennummer {ref}", min: 20, max: 70, share: 0.6 },
  { name: "Vodafone GmbH", text: "Vodafone Rechnung {month} Kd {ref}", min: 15, max: 55, share: 0.4 },
  { name: "Allianz Versicherungs-AG", text: "Beitrag Hausrat/Haftpflicht VS-Nr. {ref}", min: 9, max: 35, share: 0.5 },
  { name: "HUK-COBURG", text: "Kfz-Versicherung Beitrag {month} VS {ref}", min: 30, max: 95, share: 0.5 },
  { name: "Netflix International B.V.", text: "Netflix Mitgliedschaft {month}", min: 8, max: 18, share: 0.6 },
  { name: "Spotify AB", text: "Spotify Premium {ref}", min: 11, max: 18, share: 0.5 },
  { name: "FitX Deutschland GmbH", text: "Mitgliedsbeitrag {month} Mitgl.-Nr. {ref}", min: 20, max: 35, share: 0.3 },
  { name: "Rundfunk ARD, ZDF, DRadio", text: "Rundfunkbeitrag Beitragsnummer {ref}", min: 18.36, max: 18.36, share: 0.7 },
];

export interface Merchant {
  name: string;
  min: number;
  max: number;
  weight: number;
}

export const MERCHANTS_EUR: readonly Merchant[] = [
  { name: "REWE Markt GmbH", min: 4, max: 95, weight: 10 },
  { name: "EDEKA Center", min: 3, max: 80, weight: 8 },
  { name: "Lidl Dienstleistung", min: 3, max: 70, weight: 8 },
  { name: "ALDI SUED", min: 3, max: 65, weight: 7 },
  { name: "dm-drogerie markt", min: 2, max: 45, weight: 6 },
  { name: "Rossmann", min: 2, max: 35, weight: 4 },
  { name: "Baeckerei Beck", min: 1.5, max: 12, weight: 7 },
  { name: "Aral Station", min: 20, max: 95, weight: 4 },
  { name: "Shell Deutschland", min: 20, max: 90, weight: 3 },
  { name: "DB Vertrieb GmbH", min: 9, max: 140, weight: 3 },
  { name: "VAG Nuernberg", min: 3.4, max: 58, weight: 3 },
  { name: "AMAZON EU S.A R.L.", min: 6, max: 180, weight: 6 },
  { name: "Zalando SE", min: 20, max: 160, weight: 2 },
  { name: "MediaMarkt", min: 15, max: 450, weight: 1 },
  { name: "IKEA Deutschland", min: 10, max: 320, weight: 1 },
  { name: "Apotheke am Markt", min: 4, max: 40, weight: 2 },
  { name: "Restaurant Bella Italia", min: 18, max: 85, weight: 3 },
  { name: "McDonalds", min: 6, max: 25, weight: 3 },
  { name: "Kino Cinecitta", min: 10, max: 35, weight: 1 },
  { name: "Thalia Buecher", min: 8, max: 45, weight: 1 },
];

export const MERCHANTS_FX: Readonly<Record<string, readonly Merchant[]>> = {
  USD: [
    { name: "AMAZON.COM", min: 8, max: 220, weight: 5 },
    { name: "UBER *TRIP", min: 9, max: 60, weight: 4 },
    { name: "APPLE.COM/BILL", min: 1, max: 15, weight: 3 },
    { name: "STARBUCKS NEW YORK", min: 4, max: 14, weight: 3 },
    { name: "AIRBNB * HMQ", min: 90, max: 600, weight: 1 },
  ],
  GBP: [
    { name: "TFL TRAVEL CH", min: 2.8, max: 15, weight: 5 },
    { name: "TESCO STORES", min: 4, max: 70, weight: 4 },
    { name: "PRET A MANGER", min: 4, max: 16, weight: 3 },
    { name: "BOOTS UK", min: 3, max: 40, weight: 2 },
  ],
  CHF: [
    { name: "SBB CFF FFS", min: 5, max: 120, weight: 4 },
    { name: "MIGROS", min: 5, max: 90, weight: 4 },
    { name: "COOP PRONTO", min: 3, max: 40, weight: 3 },
    { name: "SWISSCOM", min: 20, max: 80, weight: 1 },
  ],
};

export const FX_PAYERS: Readonly<Record<string, string>> = {
  USD: "Acme Consulting Inc.",
  GBP: "Thames Digital Ltd",
  CHF: "Alpen Treuhand AG",
};
