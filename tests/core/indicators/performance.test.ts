import { computeGroup } from "../../../src/core/indicators/registry";
import { analyse, indicator } from "../../../src/core/analyse";
import { detectTable } from "../../../src/core/detect";
import { runIntake } from "../../../src/core/intake";
import { dayFromIso } from "../../../src/core/dates";
import { enText, fr, frText } from "../../helpers/messages";
import { render } from "../../../src/core/messages/render";
import {
  contractEnd,
  isHospitalType,
  statusFromBand,
} from "../../../src/core/indicators/performance";
import type { IndicatorResult } from "../../../src/core/indicators/types";
import type { ContractLine, EntityRow, SpendLine } from "../../../src/core/model";
import { yearPeriod, type Period } from "../../../src/core/period";
import { defaultReferenceValues } from "../../../src/core/reference/values";
import { contextOf, contract, entity, spend } from "../../helpers/fixtures";

const DIRECT = "Marché passé sans publicité ni mise en concurrence préalable" as const;

function indicators(
  parts: { spend?: SpendLine[]; contracts?: ContractLine[]; entities?: EntityRow[] },
  period: Period = yearPeriod(2025),
): Record<string, IndicatorResult> {
  const results = computeGroup(contextOf(parts, { period }), "PF");
  return Object.fromEntries(results.map((r) => [r.id, r]));
}

describe("PF1 contract coverage", () => {
  it("counts spend with a matched contract, a UGAP supplier or a channel other than Hors marché", () => {
    const register = [contract({ contractRef: "M-1", amount: 10_000 })];
    const lines = [
      spend({ amount: 600, contractRef: "M-1" }),
      spend({ amount: 200, supplierName: "UGAP", supplierId: "77605646700011" }),
      spend({ amount: 100, channel: "Groupement de commandes" }),
      spend({ amount: 100 }), // no channel, no contract → Hors marché
    ];
    const r = indicators({ spend: lines, contracts: register }).PF1;
    // (600 + 200 + 100) / 1 000 = 90 %
    expect(r.value).toBe(90);
    expect(r.details).toMatchObject({ underContractAmount: 900, outOfContractAmount: 100, matchedContractLines: 1, outOfContractLines: 1 });
    expect(r.tables.byChannel).toEqual([
      { channel: "Marché propre", amount: 600, lines: 1, share: 60 },
      { channel: "Centrale d'achat", amount: 200, lines: 1, share: 20 },
      { channel: "Groupement de commandes", amount: 100, lines: 1, share: 10 },
      { channel: "Hors marché", amount: 100, lines: 1, share: 10 },
    ]);
  });

  it("counts a contract reference missing from the register as Marché propre and reports it", () => {
    const r = indicators({ spend: [spend({ amount: 300, contractRef: "X-9" }), spend({ amount: 100 })] }).PF1;
    // 300 / 400 = 75 %
    expect(r.value).toBe(75);
    expect(r.details).toMatchObject({ unmatchedContractRefLines: 1, unmatchedContractRefAmount: 300 });
  });

  it("is N/A when the period has no line", () => {
    const r = indicators({ spend: [spend({ on: "2023-01-01" })] }).PF1;
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/Aucune ligne de dépense/);
  });
});

describe("PF2 procedure mix", () => {
  it("gives count and value per procedure and the value share of competitive procedures", () => {
    const contracts = [
      contract({ procedure: "Procédure adaptée", amount: 50_000 }),
      contract({ procedure: "Appel d'offres ouvert", amount: 250_000 }),
      contract({ procedure: DIRECT, procedureRaw: DIRECT, amount: 100_000 }),
      contract({ procedure: null, procedureRaw: null, amount: 999_999 }), // unknown: out of the headline
      contract({ procedure: "Procédure adaptée", amount: undefined }), // no amount: out of the headline
    ];
    const r = indicators({ contracts }).PF2;
    // competitive 300 000 of 400 000 with a known procedure and amount = 75 %
    expect(r.value).toBe(75);
    expect(r.coverage).toEqual({ n: 3, N: 5, of: "contracts" });
    const byProc = Object.fromEntries(r.tables.byProcedure.map((x) => [x.procedure, x]));
    expect(byProc["Procédure adaptée"]).toMatchObject({ contracts: 2, contractsWithAmount: 1, amount: 50_000, competitive: true, countShare: 40 });
    expect(r.tables.byProcedure.find((x) => x.procedure === null)).toMatchObject({ contracts: 1, amount: 999_999, recognised: false, competitive: null });
    expect(byProc[DIRECT]).toMatchObject({ competitive: false });
    expect(r.tables.byProcedure.reduce((s, x) => s + (x.contracts as number), 0)).toBe(5);
  });

  it("keeps and reports an unrecognised procedure label", () => {
    const r = indicators({ contracts: [contract({ procedure: null, procedureRaw: "Concours", amount: 10 }), contract({ amount: 10 })] }).PF2;
    expect(r.tables.byProcedure.map((x) => x.procedure)).toContain("Concours");
    expect(r.details.unrecognisedProcedures).toBe("Concours");
  });

  it("is N/A when no contract of the period has a known procedure and an amount", () => {
    const r = indicators({ contracts: [contract({ procedure: null, procedureRaw: null, amount: 10 })] }).PF2;
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/procédure reconnue/);
  });

  it("is N/A when no contract is notified in the period", () => {
    const r = indicators({ contracts: [contract({ notified: "2023-05-01", amount: 10 })] }).PF2;
    expect(fr(r.na)).toBe("Aucun marché notifié sur la période 2025.");
  });
});

describe("PF3 competition", () => {
  it("counts a single bid only over competitive procedures", () => {
    const contracts = [
      contract({ procedure: "Procédure adaptée", bidsReceived: 1 }),
      contract({ procedure: "Appel d'offres ouvert", bidsReceived: 3 }),
      contract({ procedure: "Appel d'offres ouvert", bidsReceived: 2, techniques: "Accord-cadre" }),
      contract({ procedure: "Procédure adaptée", bidsReceived: null }), // bids unknown
      contract({ procedure: DIRECT, bidsReceived: 1 }), // not competitive: must not count
    ];
    const r = indicators({ contracts }).PF3;
    // 1 single bid of 3 competitive contracts with bids = 33,33 %; average (1 + 3 + 2) / 3 = 2
    expect(r.value).toBe(33.33);
    expect(r.details).toMatchObject({ averageBids: 2, singleBidContracts: 1, contractsWithBids: 3, frameworkAgreements: 1 });
    expect(r.coverage).toEqual({ n: 3, N: 4, of: "competitiveContracts" });
    expect(r.status).toBe("alert"); // > 20 %
    expect(r.reference).toMatchObject({ value: 20, unit: "%" });
  });

  it("colours the single-bid rate with the SMS bands (≤ 10 good, > 20 alert, else watch)", () => {
    const band = defaultReferenceValues().sms.singleBidder;
    expect(statusFromBand(10, band)).toBe("good");
    expect(statusFromBand(10.01, band)).toBe("watch");
    expect(statusFromBand(20, band)).toBe("watch");
    expect(statusFromBand(20.01, band)).toBe("alert");
    // 1 single bid of 10 → 10 % → good
    const contracts = Array.from({ length: 10 }, (_, i) => contract({ procedure: "Procédure adaptée", bidsReceived: i === 0 ? 1 : 4 }));
    expect(indicators({ contracts }).PF3.status).toBe("good");
  });

  it("treats 0 bids as unknown", () => {
    const r = indicators({ contracts: [contract({ bidsReceived: 0 }), contract({ bidsReceived: 2 })] }).PF3;
    expect(r.coverage.n).toBe(1);
    expect(r.value).toBe(0);
  });

  it("is N/A when no competitive contract has bids, even if a direct award has one", () => {
    const r = indicators({ contracts: [contract({ procedure: DIRECT, bidsReceived: 1 }), contract({ bidsReceived: null })] }).PF3;
    expect(r.value).toBeNull();
    expect(fr(r.na)).toBe("Aucun marché concurrentiel de la période avec le nombre d'offres renseigné.");
  });
});

describe("PF4 direct awards at or above the dispense threshold", () => {
  it("applies the threshold in force at the launch date across the 2026-04-01 change", () => {
    const contracts = [
      // launched 2026-03-15: threshold 40 000 € → 50 000 € counts
      contract({ contractRef: "AVANT", procedure: DIRECT, amount: 50_000, launched: "2026-03-15", notified: "2026-05-01" }),
      // launched 2026-04-15: threshold 60 000 € → 50 000 € does not count
      contract({ contractRef: "APRES", procedure: DIRECT, amount: 50_000, launched: "2026-04-15", notified: "2026-05-01" }),
    ];
    const r = indicators({ contracts }, yearPeriod(2026)).PF4;
    expect(r.value).toBe(1);
    expect(r.tables.directAwardsAboveThreshold).toEqual([
      expect.objectContaining({ contractRef: "AVANT", amount: 50_000, threshold: 40_000, thresholdDate: "2026-03-15", thresholdDateBasis: "lancement" }),
    ]);
  });

  it("falls back to the notification date, counts at the threshold, and uses the works threshold", () => {
    const contracts = [
      contract({ contractRef: "PILE", procedure: DIRECT, amount: 40_000, notified: "2025-06-01" }), // = 40 000 → counts
      contract({ contractRef: "TRAV", procedure: DIRECT, amount: 90_000, nature: "Travaux", notified: "2025-06-01" }), // < 100 000
      contract({ contractRef: "MAPA", procedure: "Procédure adaptée", amount: 500_000 }), // competitive
      contract({ contractRef: "SANS", procedure: DIRECT, amount: undefined }), // amount unknown
    ];
    const r = indicators({ contracts }).PF4;
    expect(r.value).toBe(1);
    expect(r.tables.directAwardsAboveThreshold[0]).toMatchObject({ contractRef: "PILE", thresholdDateBasis: "notification" });
    // 3 direct awards of 4 contracts with a procedure = 75 % → SMS red (≥ 10 %)
    expect(r.details).toMatchObject({ aboveThresholdAmount: 40_000, directAwards: 3, directAwardsWithoutAmount: 1, directAwardShare: 75, directAwardShareStatus: "alert" });
  });

  it("is 0, not N/A, when contracts are known and none is a direct award above the threshold", () => {
    const r = indicators({ contracts: [contract({ amount: 100 })] }).PF4;
    expect(r.value).toBe(0);
    expect(r.na).toBeNull();
    expect(r.details.directAwardShareStatus).toBe("good");
  });

  it("is N/A when no contract has a known procedure", () => {
    expect(indicators({ contracts: [contract({ procedure: null, procedureRaw: null })] }).PF4.value).toBeNull();
  });
});

describe("PF4 special dispense thresholds (R2122-9, R2122-9-1, décret 2020-893)", () => {
  it("R2122-9: a direct award of books other than school books under 90 000 € HT is lawful", () => {
    const contracts = [
      contract({ contractRef: "LIVRES-60", procedure: DIRECT, cpv: "22113000", amount: 60_000 }), // 60 000 < 90 000 (R2122-9) → lawful
      contract({ contractRef: "LIVRES-95", procedure: DIRECT, cpv: "22113000", amount: 95_000 }), // ≥ 90 000 → counted
      contract({ contractRef: "MANUELS-60", procedure: DIRECT, cpv: "22112000", amount: 60_000 }), // school books: general 40 000 → counted
      contract({ contractRef: "BUREAU-60", procedure: DIRECT, cpv: "30192000", amount: 60_000 }), // office supplies: 40 000 → counted
    ];
    const r = indicators({ contracts }).PF4;
    expect(r.tables.directAwardsAboveThreshold.map((x) => x.contractRef)).toEqual(["LIVRES-95", "BUREAU-60", "MANUELS-60"]);
    expect(r.tables.directAwardsAboveThreshold[0]).toMatchObject({ threshold: 90_000, thresholdRule: "R2122-9" });
    expect(r.tables.directAwardsAboveThreshold[1]).toMatchObject({ threshold: 40_000, thresholdRule: "R2122-8" });
  });

  it("R2122-9: does not apply before its entry into force (2019-04-01, décret 2019-259)", () => {
    // launched 2019-02-01: general 25 000 € → 60 000 € of books counted
    const r = indicators({ contracts: [contract({ procedure: DIRECT, cpv: "22113000", amount: 60_000, launched: "2019-02-01", notified: "2019-03-01" })] }, yearPeriod(2019)).PF4;
    expect(r.value).toBe(1);
    expect(r.tables.directAwardsAboveThreshold[0]).toMatchObject({ threshold: 25_000 });
  });

  it("R2122-9-1: an innovative purchase under 100 000 € HT is lawful", () => {
    const contracts = [
      contract({ contractRef: "INNOV", procedure: DIRECT, amount: 80_000, innovative: true }), // < 100 000 → lawful
      contract({ contractRef: "ORDINAIRE", procedure: DIRECT, amount: 80_000, innovative: false }), // ≥ 40 000 → counted
    ];
    const r = indicators({ contracts }).PF4;
    expect(r.tables.directAwardsAboveThreshold.map((x) => x.contractRef)).toEqual(["ORDINAIRE"]);
  });

  it("décret 2020-893: food supplies under 100 000 € HT from 2020-07-24 to 2020-12-10", () => {
    const food = (ref: string, launched: string) => contract({ contractRef: ref, procedure: DIRECT, cpv: "15800000", amount: 80_000, launched, notified: launched });
    const r2020 = indicators({ contracts: [food("AOUT-2020", "2020-08-15")] }, yearPeriod(2020)).PF4;
    expect(r2020.value).toBe(0);
    // 2020-12-15: the temporary threshold has ended, general 40 000 € → counted
    const late = indicators({ contracts: [food("DEC-2020", "2020-12-15")] }, yearPeriod(2020)).PF4;
    expect(late.value).toBe(1);
  });
});

describe("PF5 savings vs estimate", () => {
  it("is Σ(estimated − awarded) / Σ estimated over contracts having both", () => {
    const contracts = [
      contract({ contractRef: "A", estimated: 100_000, amount: 90_000 }),
      contract({ contractRef: "B", estimated: 50_000, amount: 55_000 }),
      contract({ contractRef: "C", estimated: 80_000 }), // no awarded amount
      contract({ contractRef: "D", amount: 70_000 }), // no estimate
    ];
    const r = indicators({ contracts }).PF5;
    // (150 000 − 145 000) / 150 000 = 3,33 %
    expect(r.value).toBe(3.33);
    expect(r.coverage).toEqual({ n: 2, N: 4, of: "contracts" });
    expect(r.details).toMatchObject({ estimatedTotal: 150_000, awardedTotal: 145_000, savingsAmount: 5_000, contractsOverEstimate: 1 });
    expect(r.tables.contracts.map((x) => [x.contractRef, x.savingsPercent])).toEqual([
      ["A", 10],
      ["B", -10],
    ]);
  });

  it("is N/A without any contract having both amounts", () => {
    const r = indicators({ contracts: [contract({ estimated: 10 })] }).PF5;
    expect(r.value).toBeNull();
    expect(fr(r.na)).toMatch(/montant estimé/);
  });
});

describe("PF6 amendment inflation", () => {
  it("flags from 10 % for supplies/services and from 15 % for works (R2194-8: the change must be « inférieur à » the limit)", () => {
    const contracts = [
      contract({ contractRef: "F11", nature: "Fournitures", amount: 100_000, amended: 111_000 }), // 11 % ≥ 10 → flagged
      contract({ contractRef: "S9", nature: "Services", amount: 100_000, amended: 109_999 }), // 9,999 % < 10 → not flagged
      contract({ contractRef: "T11", nature: "Travaux", amount: 100_000, amended: 111_000 }), // 11 % < 15 → not flagged
      contract({ contractRef: "T16", nature: "Travaux", amount: 100_000, amended: 116_000 }), // 16 % ≥ 15 → flagged
      contract({ contractRef: "NOA", amount: 100_000 }), // no amendment data
    ];
    const r = indicators({ contracts }).PF6;
    // 2 flagged of 4 with data = 50 %
    expect(r.value).toBe(50);
    expect(r.coverage).toEqual({ n: 4, N: 5, of: "contracts" });
    expect(r.tables.overLimit.map((x) => [x.contractRef, x.inflationPercent, x.limitPercent])).toEqual([
      ["T16", 16, 15],
      ["F11", 11, 10],
    ]);
    // (447 999 − 400 000) / 400 000 = 11,99975 % → 12 %
    expect(r.details).toMatchObject({ overLimit: 2, overallInflationPercent: 12, contractsAmended: 4 });
  });

  it("R2194-8: a modification of exactly 10 % (services) or 15 % (works) is not « inférieur à » the limit — beyond the safe harbour", () => {
    // 100 000 → 110 000: +10 000 = 10 % exactly; 200 000 → 230 000 works: +30 000 = 15 % exactly
    const contracts = [
      contract({ contractRef: "S10", nature: "Services", amount: 100_000, amended: 110_000 }),
      contract({ contractRef: "T15", nature: "Travaux", amount: 200_000, amended: 230_000 }),
    ];
    const r = indicators({ contracts }).PF6;
    expect(r.tables.overLimit.map((x) => x.contractRef).sort()).toEqual(["S10", "T15"]);
    const s10 = r.tables.overLimit.find((x) => x.contractRef === "S10")!;
    expect(frText(s10.message)).toContain("cumulant 10\u202f000 € (10,0 %), au moins 10 % du montant initial");
    expect(enText(s10.message)).toContain("totalling €10,000 (10.0%), at least 10% of the initial amount");
    // a share with decimals is written in the reader's language (12,41 % → « 12,4 % » / « 12.4% »)
    const b = indicators({ contracts: [contract({ contractRef: "B", nature: "Services", amount: 278_000, amended: 312_500 })] }).PF6.tables.overLimit[0];
    expect(frText(b.message)).toContain("cumulant 34\u202f500 € (12,4 %)");
    expect(enText(b.message)).toContain("totalling €34,500 (12.4%)");
  });

  it("R2194-8: the reference is the low-value modification threshold, 10 % supplies/services and 15 % works, in both languages", () => {
    const r = indicators({ contracts: [contract({ amount: 100_000, amended: 105_000 })] }).PF6;
    expect(r.reference).toMatchObject({ value: 10, unit: "%" });
    expect(r.reference && fr(r.reference.label)).toBe(
      "Seuil de modification de faible montant : 10 % fournitures/services, 15 % travaux, et sous le seuil européen (modifications cumulées)",
    );
    expect(r.reference && render("en", r.reference.label)).toBe(
      "Low-value modification threshold: 10 % supplies/services, 15 % works, and below the EU threshold (modifications added up)",
    );
  });

  it("is N/A when no contract has both amounts", () => {
    expect(indicators({ contracts: [contract({ amount: 10 })] }).PF6.value).toBeNull();
  });
});

describe("PF6 law-true modifications (R2194-8, R2194-9)", () => {
  const mod = (date: string, total: number) => ({ date: dayFromIso(date), amountCents: total * 100 });

  it("looks at every contract with a modification dated in the period, not only those notified in it", () => {
    const contracts = [
      // notified 2023, modified 2025-05-01 to +20 % → in the 2025 analysis, beyond the safe harbour
      contract({ contractRef: "ANCIEN", nature: "Services", amount: 100_000, notified: "2023-02-01", modifications: [mod("2025-05-01", 120_000)] }),
      // a 2022 contract whose only modification is dated 2024 stays out of the 2025 analysis
      contract({ contractRef: "HORS", nature: "Services", amount: 100_000, notified: "2022-02-01", modifications: [mod("2024-05-01", 150_000)] }),
    ];
    const r = indicators({ contracts }).PF6;
    expect(r.coverage).toEqual({ n: 1, N: 1, of: "contracts" });
    expect(r.tables.overLimit.map((x) => x.contractRef)).toEqual(["ANCIEN"]);
    expect(r.details.contractsModifiedInPeriodNotifiedBefore).toBe(1);
  });

  it("R2194-8: the safe harbour also requires the modification to stay below the EU threshold", () => {
    // 3 000 000 → 3 240 000: +8 % < 10 %, but +240 000 ≥ 221 000 (EU 2025, supplies/services) → beyond
    // 1 000 000 → 1 080 000: +8 %, +80 000 < 221 000 → within the safe harbour
    const contracts = [
      contract({ contractRef: "GROS", nature: "Services", amount: 3_000_000, modifications: [mod("2025-06-01", 3_240_000)] }),
      contract({ contractRef: "PETIT", nature: "Services", amount: 1_000_000, modifications: [mod("2025-06-01", 1_080_000)] }),
    ];
    const r = indicators({ contracts }).PF6;
    expect(r.tables.overLimit).toEqual([
      expect.objectContaining({ contractRef: "GROS", inflationPercent: 8, overPercentLimit: false, overEuThreshold: true, euThreshold: 221_000 }),
    ]);
    expect(r.value).toBe(50);
  });

  it("R2194-9: successive modifications add up (the last new total against the initial amount)", () => {
    // 100 000 → 106 000 (+6 %) → 112 000 (+12 % cumulated) > 10 % → beyond; each step alone is ≤ 6 %
    const r = indicators({
      contracts: [contract({ contractRef: "SUCC", nature: "Fournitures", amount: 100_000, modifications: [mod("2025-02-01", 106_000), mod("2025-09-01", 112_000)] })],
    }).PF6;
    expect(r.tables.overLimit[0]).toMatchObject({ contractRef: "SUCC", modifications: 2, inflationPercent: 12, changeAmount: 12_000, lastModificationDate: "2025-09-01" });
  });

  it("words the result as beyond the de-minimis threshold, not as a breach", () => {
    const r = indicators({ contracts: [contract({ nature: "Services", amount: 100_000, amended: 120_000 })] }).PF6;
    const row = r.tables.overLimit[0];
    expect(row.status).toBe("au-delà du seuil de modification de faible montant");
    expect(frText(row.message)).toContain("au-delà du seuil de modification de faible montant");
    expect(frText(row.message)).not.toMatch(/irrégul|illégal|infraction|manquement/);
    expect(frText(row.legalBasis)).toBe("Art. R2194-8 et R2194-9 CCP");
    expect(enText(row.legalBasis)).toBe("Art. R2194-8 and R2194-9 CCP");
  });
});

describe("PF8 law-true payment delays (D2192-35, décret 2013-269 art. 12)", () => {
  const line = (p: { invoice?: string; received: string; paid: string; mandate?: string; ttc?: number; service?: string; entity?: string; supplierName?: string }) =>
    spend({
      amount: 1000,
      ttc: p.ttc ?? 1200,
      invoiceRef: p.invoice ?? null,
      service: p.service ?? null,
      entity: p.entity ?? "Commune A",
      supplierName: p.supplierName ?? "Fournisseur A",
      invoiceReceived: dayFromIso(p.received),
      paid: dayFromIso(p.paid),
      mandateDate: p.mandate ? dayFromIso(p.mandate) : null,
      on: p.received,
    });

  it("R2192-10 and décret 2013-269 art. 12: the reference is 30 days (20 ordonnateur + 10 comptable), 50 for public hospitals", () => {
    const r = indicators({ spend: [line({ invoice: "F-1", received: "2025-03-01", paid: "2025-03-21" })] }).PF8;
    expect(r.reference).toMatchObject({ value: 30, unit: "days" });
    expect(r.reference && fr(r.reference.label)).toBe(
      "Délai global de paiement : 30 jours (20 ordonnateur + 10 comptable ; 50 jours pour les établissements publics de santé)",
    );
    expect(r.reference && render("en", r.reference.label)).toBe(
      "Maximum payment time: 30 days (20 authorising officer + 10 public accountant; 50 days for public hospitals)",
    );
  });

  it("D2192-35: the 40 € indemnity is due per late invoice — lines of one invoice number are grouped", () => {
    // invoice F-1 has 3 lines (received 2025-03-01, paid 2025-04-10: 40 days > 30 → late) → 1 invoice, 1 indemnity
    // invoice F-2 has 1 line paid in 20 days → on time
    const lines = [
      line({ invoice: "F-1", received: "2025-03-01", paid: "2025-04-10" }),
      line({ invoice: "F-1", received: "2025-03-01", paid: "2025-04-10" }),
      line({ invoice: "F-1", received: "2025-03-01", paid: "2025-04-10" }),
      line({ invoice: "F-2", received: "2025-03-01", paid: "2025-03-21" }),
    ];
    const r = indicators({ spend: lines }).PF8;
    expect(r.details).toMatchObject({ paidInvoices: 2, paidLines: 4, lateInvoices: 1, indemnitiesTotal: 40 });
    expect(r.value).toBe(50);
    // the late invoice's TTC is the sum of its lines: 3 × 1 200 = 3 600
    expect(r.tables.lateInvoices[0]).toMatchObject({ invoiceRef: "F-1", lines: 3, amountTTC: 3600, daysLate: 10 });
    // the same number at another supplier is another invoice
    const other = indicators({ spend: [line({ invoice: "F-1", received: "2025-03-01", paid: "2025-04-10" }), line({ invoice: "F-1", received: "2025-03-01", paid: "2025-04-10", supplierName: "Autre" })] }).PF8;
    expect(other.details).toMatchObject({ paidInvoices: 2, lateInvoices: 2, indemnitiesTotal: 80 });
  });

  it("without an invoice number, each line stays one invoice (as before)", () => {
    const r = indicators({ spend: [line({ received: "2025-03-01", paid: "2025-04-10" }), line({ received: "2025-03-01", paid: "2025-04-10" })] }).PF8;
    expect(r.details).toMatchObject({ paidInvoices: 2, lateInvoices: 2, indemnitiesTotal: 80 });
  });

  it("décret 2013-269 art. 12: with mandat dates, the délai global splits between ordonnateur (20 days) and comptable (10 days)", () => {
    const lines = [
      // receipt 03-01, mandat 03-26 (25 days > 20: ordonnateur late), paid 03-31 (5 days ≤ 10): DGP 30, on time
      line({ invoice: "A", received: "2025-03-01", mandate: "2025-03-26", paid: "2025-03-31", service: "Voirie" }),
      // receipt 03-01, mandat 03-11 (10 days), paid 04-05 (25 days > 10: comptable late): DGP 35 > 30, late
      line({ invoice: "B", received: "2025-03-01", mandate: "2025-03-11", paid: "2025-04-05", service: "Écoles" }),
    ];
    const r = indicators({ spend: lines }).PF8;
    expect(r.details).toMatchObject({ invoicesWithMandateDate: 2, lateInvoices: 1 });
    expect(r.tables.lateInvoices[0]).toMatchObject({ invoiceRef: "B", ordonnateurDays: 10, ordonnateurLimitDays: 20, comptableDays: 25, comptableLimitDays: 10 });
    expect(r.tables.byService).toEqual([
      expect.objectContaining({ service: "Voirie", invoices: 1, lateInvoices: 0, averageOrdonnateurDays: 25, ordonnateurLate: 1, averageComptableDays: 5, comptableLate: 0 }),
      expect.objectContaining({ service: "Écoles", invoices: 1, lateInvoices: 1, averageOrdonnateurDays: 10, ordonnateurLate: 0, averageComptableDays: 25, comptableLate: 1 }),
    ]);
    expect(r.tables.byEntity).toEqual([expect.objectContaining({ entity: "Commune A", invoices: 2, lateInvoices: 1, lateShare: 50, averageDgpDays: 32.5 })]);
  });
});

describe("PF7 renewal calendar", () => {
  // Period 2025 → asOf 2025-12-31, window (2025-12-31, 2026-12-31]
  it("lists contracts ending after asOf and at most 12 months later, sorted by end date", () => {
    const contracts = [
      contract({ contractRef: "FINI", endDate: dayFromIso("2025-12-31") }), // = asOf: already ended
      contract({ contractRef: "DEBUT", endDate: dayFromIso("2026-01-01"), amount: 1000, supplierName: "Alpha" }),
      contract({ contractRef: "BORD", endDate: dayFromIso("2026-12-31") }), // = asOf + 12 months: in
      contract({ contractRef: "APRES", endDate: dayFromIso("2027-01-01") }), // beyond
      contract({ contractRef: "DUREE", notified: "2025-01-01", durationMonths: 24 }), // ends 2026-12-31
      contract({ contractRef: "INCONNU" }), // no end, no duration
    ];
    const r = indicators({ contracts }).PF7;
    expect(r.value).toBe(3);
    expect(r.tables.renewals.map((x) => [x.contractRef, x.endDate])).toEqual([
      ["DEBUT", "2026-01-01"],
      ["BORD", "2026-12-31"],
      ["DUREE", "2026-12-31"],
    ]);
    expect(r.tables.renewals[0]).toMatchObject({ supplier: "Alpha", amount: 1000, daysLeft: 1, monthsLeft: 0 });
    expect(r.tables.renewals[2]).toMatchObject({ endDateBasis: "notificationPlusDuration", daysLeft: 365, monthsLeft: 12 });
    expect(r.coverage).toEqual({ n: 5, N: 6, of: "contracts" });
    expect(r.details).toMatchObject({ asOf: "2025-12-31", horizon: "2026-12-31", alreadyEnded: 1, endingLater: 1 });
  });

  it("reads every contract of the register, not only those notified in the period", () => {
    const r = indicators({ contracts: [contract({ notified: "2019-01-01", endDate: dayFromIso("2026-06-30") })] }).PF7;
    expect(r.value).toBe(1);
  });

  it("derives the end from notification + duration − 1 day", () => {
    expect(contractEnd({ endDate: null, notificationDate: dayFromIso("2025-01-01"), durationMonths: 12 })).toBe(dayFromIso("2025-12-31"));
    expect(contractEnd({ endDate: null, notificationDate: dayFromIso("2025-01-01"), durationMonths: null })).toBeNull();
  });

  it("is N/A without a register, or without any end date or duration", () => {
    expect(fr(indicators({}).PF7.na)).toBe("Aucun registre des marchés fourni.");
    expect(indicators({ contracts: [contract({})] }).PF7.value).toBeNull();
  });
});

describe("PF8 payment delays", () => {
  const entities = [entity({ entity: "Commune A", type: "Commune" }), entity({ entity: "CH de Ville", type: "Centre hospitalier" })];
  const paid = (p: { received: string; paid: string; amount?: number; ttc?: number; entity?: string }) =>
    spend({ amount: p.amount ?? 1000, ttc: p.ttc, entity: p.entity ?? "Commune A", invoiceReceived: dayFromIso(p.received), paid: dayFromIso(p.paid), on: p.received });

  it("computes DGP, lateness, interest at the half-year ECB rate + 8 points and the 40 € indemnity", () => {
    const lines = [
      // due 2025-06-15 (received + 30), paid 10 days late; delay starts 2025-06-16 → 3,15 + 8 = 11,15 %
      // 1 200 × 11,15 % × 10 / 365 = 3,6657… → 3,67 €
      paid({ received: "2025-05-16", paid: "2025-06-25", ttc: 1200 }),
      // due 2025-07-16, 10 days late; delay starts in H2 2025 → 2,15 + 8 = 10,15 %
      // 1 200 × 10,15 % × 10 / 365 = 3,3370 → 3,34 €
      paid({ received: "2025-06-16", paid: "2025-07-26", ttc: 1200 }),
      // hospital: 45 days ≤ 50 → on time
      paid({ received: "2025-03-01", paid: "2025-04-15", ttc: 1200, entity: "CH de Ville" }),
      // exactly 30 days → on time
      paid({ received: "2025-03-01", paid: "2025-03-31", ttc: 1200 }),
      // no TTC: 1 000 HT × 1,2 = 1 200 estimated; due 2025-10-01, 10 days late at 10,15 % → 3,34 €
      paid({ received: "2025-09-01", paid: "2025-10-11" }),
    ];
    const r = indicators({ spend: lines, entities }).PF8;
    // 3 late of 5 paid invoices = 60 %
    expect(r.value).toBe(60);
    // DGP (40 + 40 + 45 + 30 + 40) / 5 = 39 days
    expect(r.details).toMatchObject({
      paidInvoices: 5,
      averageDgpDays: 39,
      lateInvoices: 3,
      interestTotal: 10.35, // 3,67 + 3,34 + 3,34
      indemnitiesTotal: 120, // 3 × 40 €
      totalCost: 130.35,
      ttcEstimatedInvoices: 1,
      hospitalInvoices: 1,
    });
    const byDue = Object.fromEntries(r.tables.lateInvoices.map((x) => [x.dueDate, x]));
    expect(byDue["2025-06-15"]).toMatchObject({ ratePercent: 11.15, daysLate: 10, interest: 3.67, indemnity: 40, ttcEstimated: false });
    expect(byDue["2025-07-16"]).toMatchObject({ ratePercent: 10.15, interest: 3.34 });
    expect(byDue["2025-10-01"]).toMatchObject({ amountTTC: 1200, ttcEstimated: true, interest: 3.34 });
  });

  it("applies 50 days to a hospital, whatever the spelling of its type", () => {
    expect(["Hôpital", "centre hospitalier", "CHU", "EPS", "Etablissement public de santé"].every(isHospitalType)).toBe(true);
    expect(["Commune", "EPCI", "CCAS", null].some(isHospitalType)).toBe(false);
    // 55 days in a hospital: 5 days late
    const r = indicators({ spend: [paid({ received: "2025-03-01", paid: "2025-04-25", ttc: 1000, entity: "CH de Ville" })], entities }).PF8;
    expect(r.tables.lateInvoices[0]).toMatchObject({ limitDays: 50, daysLate: 5 });
  });

  it("starts the interest the day after the due date: due 30 June → rate of the second half-year", () => {
    // received 2025-05-31 + 30 = due 2025-06-30; interest runs from 2025-07-01 → 10,15 %
    const r = indicators({ spend: [paid({ received: "2025-05-31", paid: "2025-07-05", ttc: 1000 })] }).PF8;
    expect(r.tables.lateInvoices[0]).toMatchObject({ dueDate: "2025-06-30", ratePercent: 10.15, daysLate: 5 });
  });

  it("leaves credit notes and payments dated before receipt out", () => {
    const r = indicators({
      spend: [
        paid({ received: "2025-03-01", paid: "2025-03-10" }),
        paid({ received: "2025-03-01", paid: "2025-05-10", amount: -50 }),
        paid({ received: "2025-03-10", paid: "2025-03-01" }),
      ],
    }).PF8;
    expect(r.coverage).toEqual({ n: 1, N: 3, of: "lines" });
    expect(r.details.inconsistentDates).toBe(1);
    expect(r.value).toBe(0);
  });

  it("is N/A when no line has both dates", () => {
    const r = indicators({ spend: [spend({ amount: 10 })] }).PF8;
    expect(r.value).toBeNull();
    expect(fr(r.na)).toBe("Aucune ligne avec les dates de réception de la facture et de paiement.");
  });
});

describe("PF indicators (registry group)", () => {
  it("returns PF1..PF8 in order, all N/A on an empty intake", () => {
    const results = computeGroup(contextOf({}, { period: yearPeriod(2025) }), "PF");
    expect(results.map((r) => r.id)).toEqual(["PF1", "PF2", "PF3", "PF4", "PF5", "PF6", "PF7", "PF8"]);
    for (const r of results) {
      expect(r.value).toBeNull();
      expect(r.na?.code).toEqual(expect.any(String));
    }
  });
});

describe("PF8 décret n° 2013-269 art. 12: the line date « Date mandat » is the mandat date when no « Date de transmission au comptable » is mapped", () => {
  // Through the real intake: header detection, then the analysis (period 2025).
  // A: received 01/03, mandat 25/03, paid 10/04: DGP 24 + 16 = 40 > 30 → late 10 days; ordonnateur 24 > 20, comptable 16 > 10
  // B: received 01/05, mandat 10/05, paid 15/05: 9 + 5 = 14
  // C: received 01/06, mandat 25/06, paid 28/06: 24 + 3 = 27 ≤ 30, but ordonnateur 24 > 20
  // ordonnateur: (24 + 9 + 24) / 3 = 19 days on average, 2 late; comptable: (16 + 5 + 3) / 3 = 8 days, 1 late
  const data = [
    ["25/03/2025", "Garage Dupuis", "1 000,00", "1 200,00", "01/03/2025", "10/04/2025"],
    ["10/05/2025", "Papeterie Martin", "500,00", "600,00", "01/05/2025", "15/05/2025"],
    ["25/06/2025", "Garage Dupuis", "250,00", "300,00", "01/06/2025", "28/06/2025"],
  ];
  const pf8Of = (dateHeader: string, extra?: { header: string; values: string[] }) => {
    const header = [dateHeader, "Fournisseur", "Montant HT", "Montant TTC", "Date réception facture", "Date paiement", ...(extra ? [extra.header] : [])];
    const rows = [header, ...data.map((r, i) => [...r, ...(extra ? [extra.values[i]] : [])])];
    const table = { name: "Mandats", rows };
    const d = detectTable(table);
    expect(d.kind).toBe("spend");
    const intake = runIntake([{ table, kind: "spend", headerRowIndex: d.headerRowIndex, mapping: d.mapping }]);
    return { intake, pf8: indicator(analyse(intake, { period: yearPeriod(2025) }), "PF8") };
  };

  it.each(["Date mandat", "Date d'émission du mandat", "Date mandatement"])("« %s »: the délai global is split between ordonnateur (20 days) and comptable (10 days)", (h) => {
    const { intake, pf8 } = pf8Of(h);
    expect(intake.mandateDateFromLineDate).toEqual([{ table: "Mandats", header: h }]);
    expect(pf8.details).toMatchObject({ invoicesWithMandateDate: 3, lateInvoices: 1, mandateDateFromLineDate: `Mandats › ${h}` });
    expect(pf8.tables.lateInvoices[0]).toMatchObject({ dgpDays: 40, daysLate: 10, ordonnateurDays: 24, ordonnateurLimitDays: 20, comptableDays: 16, comptableLimitDays: 10 });
    expect(pf8.tables.byEntity[0]).toMatchObject({ invoicesWithMandate: 3, averageOrdonnateurDays: 19, ordonnateurLate: 2, averageComptableDays: 8, comptableLate: 1 });
  });

  it("« Date facture » is not a mandat date: no split, nothing said", () => {
    const { intake, pf8 } = pf8Of("Date facture");
    expect(intake.mandateDateFromLineDate).toBeUndefined();
    expect(pf8.details).toMatchObject({ invoicesWithMandateDate: 0, lateInvoices: 1, mandateDateFromLineDate: null });
    expect(pf8.tables.lateInvoices[0]).toMatchObject({ ordonnateurDays: null, comptableDays: null });
  });

  it("a mapped « Date transmission comptable » column wins over the line date", () => {
    // transmission A 05/04 (ordonnateur 35, comptable 5), B 12/05 (11, 3), C 26/06 (25, 2)
    const { intake, pf8 } = pf8Of("Date mandat", { header: "Date transmission comptable", values: ["05/04/2025", "12/05/2025", "26/06/2025"] });
    expect(intake.mandateDateFromLineDate).toBeUndefined();
    expect(pf8.details).toMatchObject({ invoicesWithMandateDate: 3, mandateDateFromLineDate: null });
    expect(pf8.tables.lateInvoices[0]).toMatchObject({ ordonnateurDays: 35, comptableDays: 5 });
  });
});
