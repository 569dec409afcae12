/** English catalogue: the same codes as fr.ts (checked by the compiler). */
import type { MessageCode } from "./fr";

export const EN: Record<MessageCode, string> = {
  "coverage.lines": "{n} / {N} {N, plural, one {line} other {lines}}",
  "coverage.linesBothPeriods":
    "{n} / {N} {N, plural, one {line} other {lines}} (period and same period last year)",
  "coverage.contracts": "{n} / {N} {N, plural, one {contract} other {contracts}}",
  "coverage.competitiveContracts":
    "{n} / {N} competitive {N, plural, one {contract} other {contracts}}",
  "coverage.suppliers": "{n} / {N} {N, plural, one {supplier} other {suppliers}}",
  "coverage.territories": "{n} / {N} {N, plural, one {territory} other {territories}}",
  "coverage.families": "{n} / {N} {N, plural, one {family} other {families}}",

  "na.noLinesInPeriod": "No spend line in the period {period}.",
  "na.noPositiveSupplier": "No supplier with positive net spend in the period (credit notes only).",
  "na.previousPeriodNotCovered":
    "Spending starts on {date}: the same period of the previous year ({period}) is not fully covered, and unequal periods are not compared.",
  "na.noLinesPreviousPeriod": "No spend line in the same period of the previous year ({period}).",
  "na.nonPositivePreviousSpend": "Zero or negative net spend in the comparison period ({period}).",
  "na.nonPositiveSpend": "Zero or negative net spend in the period.",

  "ref.tailThreshold": "Tail-spend threshold: {perYear, eur} a year × {months} months / 12",

  "coverage.amounts":
    "{n} / {N} {N, plural, one {amount} other {amounts}} (off-contract lines and contracts)",
  "coverage.directAwardsAndOffContractLines":
    "{n} / {N} contracts without publicity and off-contract lines",
  "coverage.records": "{n} / {N} {N, plural, one {record} other {records}}",

  "na.noContractsInPeriod": "No contract notified in the period {period}.",
  "na.noContractsNotified": "No contract notified in the period",
  "na.noContractWithProcedureAndAmount":
    "No contract of the period with a recognised procedure and an amount.",
  "na.noCompetitiveWithBids":
    "No competitive contract of the period with the number of bids given.",
  "na.noContractWithProcedure": "No contract of the period with a recognised procedure.",
  "na.noContractWithEstimate":
    "No contract of the period with both an estimated and an awarded amount.",
  "na.noContractWithAmendment":
    "No contract of the period with both an initial and an amended amount.",
  "na.noRegister": "No contracts register given.",
  "na.noContractEnd": "No contract with an end date or a duration.",
  "na.noPaymentDates": "No line with both the invoice receipt date and the payment date.",
  "na.noLinesInCivilYear": "No spend line in the civil year {years}",
  "na.noLineWithFamily":
    "No line attached to a purchase family (nor, for works, to an operation): totals per homogeneous need cannot be made",
  "na.noAmounts": "No off-contract purchase amount nor notified contract in the period",
  "na.noContractWithAmountProcedureDate":
    "No contract notified in the period with amount, procedure and date given",
  "na.noDirectAwards":
    "No contract without publicity nor off-contract purchase in the civil year of the period",
  "na.noSupplierOrFamily": "Supplier or purchase family not given: repeat awards cannot be grouped",
  "na.noContractSinceLoiClimat":
    "No contract launched in the period from {date} (entry into force of the Climate and Resilience law, art. 35)",
  "na.considerationsNotGiven":
    "Environmental and social considerations not given for the {count} contracts launched since {date}",
  "na.environmentalNotGiven":
    "No contract notified in the period with the environmental consideration given",
  "na.socialNotGiven": "No contract notified in the period with the social consideration given",
  "na.smeNotGiven": "Holder's SME category not given (contracts register or Suppliers table)",
  "na.entityDepartementNotGiven": "Entities' département not given (Entities table)",
  "na.supplierDepartementNotGiven":
    "Suppliers' département not given (postcode on the lines or Suppliers table)",
  "na.nonPositiveCoveredSpend": "Zero or negative net spend on the lines with the data",
  "na.noSupplierTable":
    "No Suppliers table: whether suppliers are insertion/social economy is unknown",
  "na.insertionNotGiven":
    "No supplier of the period with the insertion/social economy flag given (Suppliers table)",
  "na.noLinesInCivilYearOfPeriod": "No spend line in the civil year of the period",
  "na.singleEntity":
    "A single entity in the data: pooling between entities cannot be assessed (fill in the entity column).",
  "na.noItemPrices": "No line with item, quantity and unit price (or amount) given",
  "na.populationNotGiven": "Entities' population not given (Entities table, population column)",
  "na.fewerThanTwoTerritories":
    "Fewer than two territories with a known population (territory and population columns of the Entities table)",
  "na.zeroMeanPerInhabitant": "Zero mean spend per inhabitant: coefficient of variation undefined",
  "na.departementsUnknown":
    "Supplier or entity département unknown on every line (Suppliers and Entities tables, supplier postcode)",
  "na.zeroKnownLocalSpend": "Zero net spend on the lines whose départements are known",

  "ref.nationalSingleBid": "National single-bid share (indicative)",
  "ref.amendmentLimit": "Increase limit: {suppliesServices} % supplies/services, {works} % works",
  "ref.paymentDelay":
    "Maximum payment time: {days} days ({hospitalDays} days for public hospitals)",
  "ref.pnadTarget": "PNAD target: {target} % of contracts",
  "ref.oecpSme": "OECP 2023: share of local authorities' contracts awarded to SMEs",
  "ref.spaserThreshold": "SPASER obligation threshold (annual purchases)",
  "ref.cooperativeGreen": "Cooperative procurement: green from {green} %",

  "band.belowDispense": "Below the exemption threshold",
  "band.adapted": "Adapted procedure",
  "band.adaptedWithPublicity": "Adapted procedure with BOAMP/legal notice publicity",
  "band.formalised": "Formal procedure",
  "consequence.formalised":
    "the pooled total of {total, eur} {verb, select, reaches {reaches} other {exceeds}} the EU threshold of {threshold, eur}: a formal procedure is required",
  "consequence.dispenseWithPublicity":
    "the pooled total of {total, eur} {verb, select, reaches {reaches} other {exceeds}} the exemption threshold of {threshold, eur}: an adapted procedure with publicity in the BOAMP or a legal notice journal is required",
  "consequence.publicity":
    "the pooled total of {total, eur} {verb, select, reaches {reaches} other {exceeds}} the publicity threshold of {threshold, eur}: publicity in the BOAMP or a legal notice journal is required",
  "consequence.adapted":
    "the pooled total of {total, eur} {verb, select, reaches {reaches} other {exceeds}} the exemption threshold of {threshold, eur}: publicity and competition are required (adapted procedure)",

  "proximity.nomenclature":
    "the nomenclature (proximity service: {flag, select, yes {yes} other {no}})",
  "proximity.works": "the works nature",
  "proximity.keyword": 'the keyword "{keyword}" in the label',
  "proximity.cpv":
    "the CPV code {cpv} ({group, select, works {works} repair {repair and maintenance} catering {catering} cleaning {cleaning} other {green spaces}})",
  "te4.noBuyer":
    "No entity with positive net spend",
  "te4.oneBuyer":
    "Single buyer: {entity}",
  "te4.buyers":
    "Buyers: {entities}",
  "te4.buyersMore":
    "Buyers: {entities} and {more, int} {more, plural, one {other} other {others}}",
  "te4.localUnknown":
    "Local share unknown: supplier or entity département not given",
  "te4.localShare":
    "{strength, select, strong {Strong} other {Weak}} local supply (threshold {threshold}%): suppliers in the entity's département, else the territory's",
  "te4.standardNoCriterion":
    "Standard: no proximity criterion (nomenclature, works nature, label, CPV)",
  "te4.proximityFrom":
    "Proximity according to {source}",
  "te4.standardFrom":
    "Standard according to {source}",
  "te4.territoriesBuying":
    "Territories: {list}",
  "te4.localSupplyUnknown":
    "Local supply per territory unknown: supplier postcode, entity département or territory postcodes not given",
  "te4.localSupplyStrong":
    "Strong local supply (≥ {threshold}%) in {strong} of {n} {n, plural, one {territory} other {territories}}: {list}",
  "te4.channelPooled":
    "Current purchasing: {share, pct} of the spend through a joint purchasing group or a central purchasing body",
  "te4.channelMostlyPooled":
    "Current purchasing: {share, pct} of the spend through a joint purchasing group or a central purchasing body (already largely pooled)",
  "te4.territoryShare": "{territory} {share, pct}",
  "te4.listPair": "{first}, {rest}",
  "te4.singleEntityNoTerritories":
    "A single entity and fewer than two territories in the data: pooling cannot be assessed (fill in the entity or the territory column).",
  // A text that has no catalogue entry yet (French only): shown as it is in every language.
  "anomaly.farFutureDate":
    "Date in {year}, far from the other dates of the file: row analysed, but this year is not chosen as the default period; check the date",
  "anomaly.blankRows": "{count} blank rows (rows {first} to {last}): ignored.",
  "plan.fewSuppliersLowImpact":
    "Few suppliers in a low-impact family: the usual case of a small need, not a supply risk in itself",
  "anomaly.amountImplausibleLine":
    "Implausible amount ({amount}): more than 10 billion euros on one line. Check the decimal separator and the amount column; the line is analysed as it is.",
  "anomaly.amountBeyondExact":
    "Amount out of range ({amount}): beyond {limit} it cannot be counted to the cent; the line cannot be analysed. Check the decimal separator and the amount column.",
  "anomaly.territoryNameMissing": "Territory name missing: fill in the pôle, sector, branch or district.",
  "anomaly.territoryPopulationUnreadable": "Unreadable or negative population: ignored for the amounts per inhabitant.",
  "anomaly.postcodesUnreadable": "Unreadable postcodes (5 digits expected, separated by “;”): ignored.",
  "anomaly.qualityTerritoryMissing": "Territory missing: fill in the territory measured.",
  "anomaly.qualityServiceMissing": "Service missing: fill in the public service measured.",
  "anomaly.qualityIndicatorMissing": "Indicator missing: fill in what is measured.",
  "anomaly.qualityValueUnreadable": "Measured value missing or unreadable: fill in a number (e.g. 4.5 or 92 %).",
  "anomaly.qualityTargetUnreadable": "Unreadable target: ignored (no gap to target for this measure).",
  "anomaly.qualityDateUnreadable": "Unreadable measure date: ignored.",
  "anomaly.qualityDirectionUnrecognised": "Direction not recognised (expected “higher is better” or “lower is better”): deduced from the indicator's label.",
  untranslated: "{text}",
  "te4.noRecommendation":
    "No recommendation: neither bought by several entities nor a proximity family with strong local supply",
  "te4.recommend.mutualiser":
    "Through a joint purchasing group or a central purchasing body",
  "te4.recommend.mixte":
    "Pooled framework agreement with territorial lots, which make it easier for SMEs to bid (equal treatment: no local preference)",
  "te4.recommend.territorialiser":
    "Geographic lots, which make it easier for SMEs to bid (equal treatment: no local preference)",

  "plan.impact":
    "{level, select, high {High} other {Low}} impact: {share, pct} of spend, against a cut-off of {cutoff, pct} (an equal split between {families} families)",
  "plan.hhiUnknown": "Concentration (HHI) unknown",
  "plan.hhi":
    "HHI concentration {hhi, int} ({level, select, high {high} other {moderate}}, threshold {threshold, int})",
  "plan.singleBidUnknown":
    "Single-bid rate unknown (no competitive contract of the period with the number of bids)",
  "plan.singleBid":
    "Single bid: {rate, pct} of competitive contracts ({position, select, above {above} other {within}} the {red} % limit)",
  "plan.suppliers": "{count} {count, plural, one {supplier} other {suppliers}}",
  "plan.fewSuppliers":
    "{count} {count, plural, one {supplier} other {suppliers}} (few suppliers: {max} at most)",
  "plan.risk":
    "{level, select, high {High} other {Low}} risk: {score} risk {score, plural, one {factor} other {factors}} out of 3",
  "plan.lever.splitting":
    "{count} possible splitting {count, plural, one {signal} other {signals}} to check: off-contract purchases adding up beyond the exemption threshold",
  "plan.lever.pooling":
    "{count} entities buy this family separately ({entities}) for {amount, eur}",
  "plan.lever.environmental":
    "{part} {part, plural, one {contract} other {contracts}} out of {whole} with an environmental consideration ({rate, pct}), PNAD target {target} %",
  "plan.lever.concentration":
    "Concentrated suppliers: HHI {hhi, int} ≥ {threshold, int} with {count} {count, plural, one {supplier} other {suppliers}}",

  // Anomaly reasons (src/core/intake) and labels of the fields they name
  "anomaly.blankRow": "Blank row: ignored.",
  "anomaly.spendTotalRow": "Total row ignored: it is not a purchase.",
  "anomaly.amountMissing":
    "Amount missing: the line cannot be analysed. Type a number, for example 1,234.56.",
  "anomaly.amountUnreadable":
    "Unreadable amount: the line cannot be analysed. Type a number, for example 1,234.56.",
  "anomaly.vatUnreadable":
    "VAT rate unreadable or outside 0 to 100 %: the default rate of {rate} % is applied to the amount incl. VAT.",
  "anomaly.dateMissing": "Date missing: the line cannot be dated. Type a date as dd/mm/yyyy.",
  "anomaly.dateUnreadable": "Unreadable or impossible date: type a date as dd/mm/yyyy.",
  "anomaly.supplierIdUnreadable":
    "Unreadable supplier identifier: a SIRET (14 digits) or a SIREN (9 digits) is expected. The line is analysed without an identifier.",
  "anomaly.supplierIdInvalid":
    "Invalid SIRET/SIREN (check digit): check the supplier's identifier.",
  "anomaly.supplierMissing": "Supplier missing: give the supplier's name or SIRET.",
  "anomaly.entityMissing": 'Entity missing: line attached to "{entity}".',
  "anomaly.cpvInvalid":
    "Invalid CPV code (8 digits expected, e.g. 30192000-1): ignored for classification.",
  "anomaly.channelUnrecognised":
    "Purchasing channel not recognised (expected: marché propre, groupement de commandes, centrale d'achat, hors marché): derived from the contract number.",
  "anomaly.invoiceDateUnreadable": "Unreadable invoice receipt date: ignored for the payment time.",
  "anomaly.mandateDateUnreadable": "Unreadable payment order date: ignored for the split of the payment delay.",
  "anomaly.paidDateUnreadable": "Unreadable payment date: ignored for the payment time.",
  "anomaly.quantityUnreadable": "Unreadable quantity: ignored for the price comparison.",
  "anomaly.unitPriceUnreadable": "Unreadable unit price: ignored for the price comparison.",
  "anomaly.contractRefMissing":
    "Contract number missing: give the contract's reference so it can be matched with the spend.",
  "anomaly.contractAmountUnreadable":
    "Unreadable contract amount: the contract is analysed without an amount. Type a number, for example 1,234.56.",
  "anomaly.fieldDateUnreadable": "{label} unreadable: type a date as dd/mm/yyyy.",
  "anomaly.fieldNumberUnreadable": "{label} unreadable: type a number.",
  "anomaly.fieldAmountUnreadable": "{label} unreadable: type a number, for example 1,234.56.",
  "anomaly.fieldYesNoUnrecognised": "{label}: value not recognised (yes/no expected).",
  "anomaly.contractCpvInvalid": "Invalid CPV code (8 digits expected, e.g. 45233140-2): ignored.",
  "anomaly.procedureUnrecognised":
    "Procedure not recognised: kept as it is, but not classified in the procedure indicators.",
  "anomaly.contractChannelUnrecognised": "Purchasing channel not recognised: ignored.",
  "anomaly.holderIdUnreadable":
    "Unreadable holder identifier: a SIRET (14 digits) or a SIREN (9 digits) is expected.",
  "anomaly.holderIdInvalid": "Invalid holder SIRET/SIREN (check digit): check the identifier.",
  "label.notificationDate": "Notification date",
  "label.durationMonths": "Duration in months",
  "label.endDate": "End date",
  "label.bidsReceived": "Number of bids received",
  "label.lots": "Number of lots",
  "label.launchDate": "Launch date",
  "label.estimatedAmount": "Estimated amount",
  "label.socialConsideration": "Social consideration",
  "label.environmentalConsideration": "Environmental consideration",
  "label.innovative": "Innovative contract",
  "label.amendmentDate": "Amendment date",
  "label.amendedAmount": "Amount after amendments",
  "label.proximity": "Local service",
  "label.excludedFromSplitting": "Exclusion from splitting checks",
  "label.sme": "SME",
  "label.insertion": "Insertion / social economy",
  "anomaly.refYesNoUnrecognised": "{label}: value not recognised (yes/no expected); ignored.",
  "anomaly.entityNameMissing": "Entity name missing: give the local authority or body.",
  "anomaly.populationUnreadable": "Unreadable population: ignored for per-inhabitant amounts.",
  "anomaly.entitySiretInvalid": "Invalid entity SIRET: check the identifier.",
  "anomaly.familyCodeMissing": "Family code missing: give the purchase family's code.",
  "anomaly.natureUnrecognised":
    "Nature not recognised (Fournitures, Services or Travaux expected): ignored.",
  "anomaly.refSupplierIdInvalid": "Invalid supplier SIRET/SIREN: check the identifier.",
  "anomaly.supplierNameAndIdMissing": "Supplier without name or SIRET: give at least one of them.",
  "anomaly.spendTotalRowAmount":
    "Total row ignored ({amount} excl. VAT, not counted in the reconciliation): it is not a purchase.",

  // DECP import (src/core/decp.ts)
  "decp.implausible":
    "the amount ({amount}) {why, select, zero {is €0, which looks like a filler value rather than a real amount} negative {is negative, which is impossible for a contract} belowOneEuro {is below €1, which is not plausible for a contract} tooLarge {reaches or exceeds €999,999,999, which looks like a filler value rather than a real amount} other {is made only of 9s, which looks like a filler value rather than a real amount}}",
  "decp.contract.refObjet": 'The contract "{ref}" ({objet})',
  "decp.contract.ref": 'The contract "{ref}"',
  "decp.contract.objet": "The contract ({objet})",
  "decp.contract.none": "The contract",
  "decp.holderName": '"{name}" ',
  "decp.empty": "",
  "decp.holderIdNotSiret":
    'the {role, select, concessionnaire {concessionaire} other {holder}}\'s identifier {holder}("{id}") is neither a SIRET (14 digits) nor a SIREN (9 digits): the {role, select, concessionnaire {concessionaire} other {holder}} is kept without an identifier. Correct the SIRET in the essential data.',
  "decp.holderIdLuhn":
    'the {role, select, concessionnaire {concessionaire} other {holder}}\'s {kind} {holder}("{id}") has an invalid check digit (Luhn): it was probably mistyped. Check it in the business directory and correct it in the source.',
  "decp.noId":
    '{contract} has no identifier ("id" and "uid" fields empty): it can be neither tracked nor matched with the spend. Give the contract number in the essential data, then import the file again.',
  "decp.noIdUsesUid":
    '{contract} has no "id" field: the unique identifier "uid" is used as its reference. Fill in the "id" field in the source to get the contract\'s internal number.',
  "decp.noAmount":
    "{contract} has no amount: it is analysed without one. Give the initial amount excl. VAT (fixed or estimated maximum) in the essential data.",
  "decp.amountUnreadable":
    '{contract} has an unreadable amount ("{value}"): it is analysed without one. Type the amount excl. VAT in figures (e.g. 125000.50).',
  "decp.amountImplausible":
    "{contract}: {amount}. The contract is analysed without an amount; give the real initial amount excl. VAT (fixed or estimated maximum) in the essential data.",
  "decp.buyerIdNotSiret":
    "{contract}: the buyer's identifier (\"{id}\") is not a SIRET (14 digits); the contract is attached to the buyer without an identifier. Correct the buyer's SIRET in the source.",
  "decp.buyerIdLuhn":
    '{contract}: the buyer\'s {kind} ("{id}") has an invalid check digit (Luhn): it was probably mistyped. Correct it in the source.',
  "decp.noBuyer":
    '{contract} names no buyer: it is attached to "Acheteur non renseigné". Give the buyer\'s SIRET (field "acheteur.id") in the source.',
  "decp.noCpv":
    "{contract} has no CPV code: its nature (supplies, services, works) and purchase family are unknown. Give the main CPV code (8 digits) in the source.",
  "decp.cpvInvalid":
    '{contract} has an invalid CPV code ("{value}"): 8 digits are expected (e.g. 45210000-2). The contract is analysed without a CPV; correct the code in the source.',
  "decp.noProcedure":
    "{contract} names no award procedure: it is left out of the competition indicators. Give the procedure in the source ({procedures}).",
  "decp.procedureUnrecognised":
    '{contract} has an unrecognised procedure ("{value}"): it is kept as it is but the contract is left out of the competition indicators. Use one of the DECP labels: {procedures}.',
  "decp.noNotificationDate":
    "{contract} has no notification date: it is left out of the analyses by period and of the renewal calendar. Give the notification date (YYYY-MM-DD) in the source.",
  "decp.notificationDateUnreadable":
    '{contract} has an unreadable notification date ("{value}"): it is left out of the analyses by period and of the renewal calendar. Type the date as YYYY-MM-DD.',
  "decp.durationUnreadable":
    '{contract} has an unreadable or zero duration ("{value}"): its end date is unknown. Give the total duration in months (a whole number above 0).',
  "decp.bidsUnreadable":
    '{contract} has an unreadable number of bids received ("{value}"): it is analysed without it. Type a whole number of bids.',
  "decp.holderReason": "{contract}: {reason}",
  "decp.noHolder":
    "{contract} has no identified holder: it is analysed without a supplier. Give the holder's SIRET and company name in the source.",
  "decp.amendmentImplausible":
    '{contract} has an amendment whose amount is not plausible ("{value}"): this amount is ignored. Correct the amendment\'s new total amount excl. VAT in the source.',
  "decp.duplicate":
    "{contract} has the same buyer and identifier as the contract of row {row}: it is probably published twice, which would count the contract twice. Delete the duplicate in the source, or give each contract its own identifier.",
  "decp.notAMarche":
    "Item no. {row} of the list is not a contract in the DECP format (fields id, acheteur, objet, montant… missing): it is not analysed. Check that the file is an export of the public procurement essential data.",
  // Registers as written and concessions (src/core/intake/contracts.ts, src/core/decp.ts)
  "decp.implausibleWhy":
    "{why, select, zero {is €0, which looks like a filler value rather than a real amount} negative {is negative, which is impossible for a contract} belowOneEuro {is below €1, which is not plausible for a contract} tooLarge {reaches or exceeds €999,999,999, which looks like a filler value rather than a real amount} other {is made only of 9s, which looks like a filler value rather than a real amount}}",
  "decp.concession.refObjet":
    "The concession contract \"{ref}\" ({objet})",
  "decp.concession.ref":
    "The concession contract \"{ref}\"",
  "decp.concession.objet":
    "The concession contract ({objet})",
  "decp.concession.none":
    "The concession contract",
  "decp.concessionNoId":
    "{concession} has no identifier (fields \"id\" and \"uid\" empty): it cannot be tracked. Give its identifier in the essential data.",
  "decp.concessionValueImplausible":
    "{concession}: the overall value ({amount}) {why}. Give the real overall value excluding VAT.",
  "decp.concessionNoEnd":
    "{concession} has no readable duration or start date: its expiry is unknown. Give the duration in months and the start date of performance.",
  "setAside.placeholder":
    "Filler or implausible amounts (€0, €999,999,999, runs of 9…): set aside, the contract is analysed without an amount.",
  "setAside.concession":
    "Overall value of concession contracts: read into the concessions table, outside the contract amounts.",
  "setAside.grouped":
    "Amounts repeated on the rows of the co-holders of one contract: the contract is counted once.",
  "setAside.subtotal":
    "Sub-totals (total amount of lots detailed on the following rows): not counted, the lots are.",
  "anomaly.contractSubtotalRow":
    "Sub-total row: not a contract (its amount is that of the lots on the following rows, each counted); set aside.",
  "anomaly.contractRefByRow":
    "The register has no \"contract number\" column: each row is a contract, referred to by its row number (L{row}…). Add each contract's number so it can be matched with the spend.",
  "anomaly.contractLotAmounts":
    "The amount lists {lots, int} lots: their sum is the contract's amount. Enter one contract per lot, with its amount.",
  "anomaly.contractMaximumBasis":
    "No initial amount: the contract is analysed on its maximum amount (framework agreement). Give the initial amount if there is one.",
  "anomaly.contractAmountPlaceholder":
    "The amount {why}: it is set aside and the contract is analysed without an amount. Give the real amount excluding VAT.",
  "anomaly.contractSectionNature":
    "Section row \"{text}\": not a contract; it gives the nature ({nature}) of the contracts below it.",
  "anomaly.contractSectionNatureColumn":
    "Section row \"{text}\": not a contract (the nature is read from the Nature column).",
  "anomaly.contractSectionTranche":
    "Section row \"{text}\" (amount band): not a contract.",
  "anomaly.contractTitleRow":
    "Title or comment row (a single cell filled in): not a contract.",
  "anomaly.contractHolderRepeated":
    "Duplicate row: the contract \"{ref}\" and its holder are already on row {row}. Delete the repeated row.",
  "label.publicationDate":
    "Publication date",
  // Automatic period (src/core/bulk-year.ts)
  "period.bulkYear":
    "Automatic period: {year} (data from {first} to {last}{leftOut})",
  "period.bulkYearLeftOut":
    "; {n, plural, one {year left out} other {years left out}}, too little data — {list}",
  "period.bulkYearLeftItem":
    "{year}: {count, int} {count, plural, one {row} other {rows}}",
  "period.listPair":
    "{a}, {b}",
  // The buyer's DECP 2024 (src/core/decp-export.ts)
  "decpExport.fix.id":
    "give the contract number (1 to 16 characters) in the register",
  "decpExport.fix.acheteur":
    "give the buyer's SIRET (14 digits, column “buyer SIRET”)",
  "decpExport.fix.nature":
    "give the DECP nature (Marché, Marché de partenariat, Marché de défense ou de sécurité)",
  "decpExport.fix.objet":
    "give the subject of the contract",
  "decpExport.fix.codeCPV":
    "give the main CPV code (8 digits)",
  "decpExport.fix.techniques":
    "give the purchasing technique (Accord-cadre, Concours… or Sans objet)",
  "decpExport.fix.modalitesExecution":
    "give the performance arrangements (Tranches, Bons de commande, Marchés subséquents or Sans objet)",
  "decpExport.fix.marcheInnovant":
    "say whether the contract is innovative (yes/no)",
  "decpExport.fix.ccag":
    "give the reference CCAG (or Pas de CCAG)",
  "decpExport.fix.offresRecues":
    "give the number of bids received",
  "decpExport.fix.attributionAvance":
    "say whether an advance was granted (yes/no)",
  "decpExport.fix.typeGroupementOperateurs":
    "give the type of grouping (Conjoint, Solidaire or Pas de groupement)",
  "decpExport.fix.procedure":
    "give the award procedure (DECP label)",
  "decpExport.fix.lieuExecution":
    "give the place of performance (code and code type, e.g. 93077 / Code commune)",
  "decpExport.fix.dureeMois":
    "give the duration of the contract in months",
  "decpExport.fix.dateNotification":
    "give the notification date",
  "decpExport.fix.datePublicationDonnees":
    "give the publication date of the data",
  "decpExport.fix.montant":
    "give the amount excluding VAT (lump sum or estimated maximum, at least €1)",
  "decpExport.fix.typesPrix":
    "give the price type (Définitif ferme, Définitif actualisable, Définitif révisable or Provisoire)",
  "decpExport.fix.formePrix":
    "give the price form (Unitaire, Forfaitaire or Mixte)",
  "decpExport.fix.sousTraitanceDeclaree":
    "say whether subcontracting was declared at notification (yes/no)",
  "decpExport.fix.titulaires":
    "give the SIRET of each holder",
  "decpExport.fix.considerationsSociales":
    "give the social considerations (Clause sociale, Critère social, Marché réservé or Pas de considération sociale)",
  "decpExport.fix.considerationsEnvironnementales":
    "give the environmental considerations (Clause environnementale, Critère environnemental or Pas de considération environnementale)",
  "decpExport.fix.idTooLong":
    "the number “{ref}” is longer than 16 characters: give a shorter DECP identifier",
  "decpExport.missingItem":
    "{field} — {fix}",
  "decpExport.missingPair":
    "{a}; {b}",
  "decpExport.notWritten":
    "Contract “{ref}” ({table}, row {row}) not published, mandatory fields missing: {missing}.",
  // RE7/RE8
  // AGEC art. 58 (src/core/indicators/re/re7.ts, report/sheets/responsible-duties.ts)
  "na.re7.noPurchases":
    "No purchase in the product categories of article 58 of the AGEC law in the civil years of the period.",
  "na.re7.noDuty":
    "No duty in {year}: article 58 of the AGEC law applies to purchases from 2021.",
  "na.re7.notMeasurable":
    "Share not measurable in {year}: no line has the quality label column (re-employment, refurbished, recycled materials). Add this column to the export.",
  "ref.re7.minimum":
    "Minimum in force in {year} (Decree no. {decree}), weighted by each category's spend",
  "agec.status.reached": "Reached",
  "agec.status.notReached": "Not reached",
  "agec.status.minimumUnknown": "Minimum to enter (Settings)",
  "agec.status.notMeasurable": "Not measurable: no quality label",
  "agec.status.noDuty": "No duty (before 2021)",
  "agec.category.textiles": "Clothing, linen and footwear",
  "agec.category.papier": "Printing and copy paper, stationery",
  "agec.category.fournituresBureau": "Office supplies",
  "agec.category.cartouches": "Ink and toner cartridges",
  "agec.category.impression": "Copiers and printing equipment",
  "agec.category.informatique": "IT and telephony equipment",
  "agec.category.mobilier": "Furniture (office, school, indoor)",
  "agec.category.mobilierUrbain": "Street furniture",
  "agec.category.electromenager": "Household appliances",
  "agec.category.transport": "Vehicles and spare parts",
  "agec.category.collecteDechets": "Waste collection equipment",
  "agec.category.sport": "Sports goods and equipment",
  "agec.category.espacesVerts": "Green space maintenance equipment",
  "agec.category.batimentsModulaires": "Modular or prefabricated buildings",
  // EGalim (src/core/indicators/re/re8.ts)
  "na.re8.noCatering":
    "No collective catering purchase (CPV 15, 555, agricultural products or article 60623) in the civil years of the period.",
  "na.re8.onlyServices":
    "In {year}, only catering services (CPV 555) were bought: the EGalim share is declared with the provider's figures.",
  "na.re8.notMeasurable":
    "Share not measurable in {year}: no food line has the quality label column (organic, label rouge, PDO, PGI, HVE…). Add this column to the export.",
  "ref.re8.quality":
    "EGalim target: sustainable and quality products, of which {organic} % organic",
  "egalim.allEntities": "All entities",
  "egalim.status.reached": "Targets reached",
  "egalim.status.notReached": "Target not reached",
  "egalim.status.notMeasurable": "Not measurable: no quality label",
  "egalim.status.noTarget": "No target in force (before 2022)",
  // AGEC art. 58 section of the Achats responsables sheet (report/sheets/responsible-duties.ts)
  "agec.section.title": "AGEC art. 58 · Purchases from re-employment or with recycled materials",
  "agec.note.declaration":
    "Yearly declaration on data.gouv.fr: spend excl. VAT of the year per category and share from re-employment, reuse or with recycled materials. Minimums: Decree no. 2021-254 until 2023, Decree no. 2024-134 (in force on 1 July 2024) from 2024; unverified minimums stay empty: enter them in Settings.",
  "agec.note.none": "No purchase in the categories concerned in the period.",
  "agec.note.rule":
    "Matching rule: CPV code (longest prefix), else budget article. Categories recognised: {categories}. The decree has 17 categories: products of the others stay out of scope here. Sources: {sources}.",
  "agec.note.unclassified":
    "Unclassifiable lines: {n, int} for {amount, eur2} excl. VAT (no CPV nor article, or an article too broad); out of scope: {outOfScope, int} {outOfScope, plural, one {line} other {lines}}. Fill in the CPV code of those lines to classify them.",
  "agec.note.largest": "… the {max, int} largest amounts of {n, int} are listed.",
  "agec.partialYear": " (partial year)",
  "agec.unverifiedMinimum": " · unverified minimum",
  "agec.unclassified.noCode": "no CPV code nor budget article",
  "agec.unclassified.broadArticle": "budget article too broad to tell the category",
  "agec.source.2021": "Decree no. 2021-254 of 9 March 2021, annex (repealed on 1 July 2024)",
  "agec.source.2024":
    "Decree no. 2024-134 of 21 February 2024, annex; ministerial order of 29 February 2024 (product list)",
  "agec.source.step": " (step {step})",
  "agec.source.readIn.textiles":
    " — values of the annex's line for textile products except personal protective equipment, read in the table reproduced on alliancecommerce.org and cross-checked with the CPME Charente-Maritime (read on 1 December 2026)",
  "agec.source.before2021": "Duty applies to purchases from 2021 (law no. 2020-105, art. 58)",

  // CO/PF computes
  "na.noContractSinceLoiClimatLaunchUnknown":
    "No contract launched in the period from {date} (entry into force of the Climate and Resilience law, art. 35); {count, plural, one {# contract notified} other {# contracts notified}} since that date without a launch date, to check",
  "ref.amendmentSafeHarbour":
    "Low-value modification threshold: {suppliesServices} % supplies/services, {works} % works, and below the EU threshold (modifications added up)",
  "ref.paymentDelaySplit":
    "Maximum payment time: {days} days ({ordonnateur} authorising officer + {comptable} public accountant; {hospitalDays} days for public hospitals)",
  "conformite.co1Scope":
    "Added up over the whole civil year ({years}), lines outside the analysed period included; off-contract lines and lines bought under a contract awarded without publicity or competition (R2121-6); per buyer (budgets of one SIREN together); works per operation (R2121-5)",
  "conformite.co2Rule":
    "Signal when at least {minCount} amounts lie in [{upperFrom} %, 100 %) of a threshold and more than {ratio} times the count of the band [{lowerFrom} %, {upperFrom} %)",
  "conformite.co4Rule":
    "Contracts without publicity: at least {minContracts} per entity, supplier and family; off-contract purchases: at least {minPurchases} purchases per entity, supplier, family and year adding up to at least {minSharePercent} % of the exemption threshold",

  // Compliance texts (CO1–CO5, PF4, PF6, PF8; src/core/indicators/compliance-messages.ts)
  "law.splitting": "Art. R2121-1, R2121-6 and R2122-8 CCP",
  "law.splittingWorks": "Art. R2121-1, R2121-5 and R2122-8 CCP",
  "law.dispense": "Art. R2122-8 CCP",
  "law.books": "Art. R2122-9 CCP",
  "law.innovation": "Art. R2122-9-1 CCP",
  "law.food2020": "Decree no. 2020-893, art. 1",
  "law.bunching": "Art. R2121-1 and R2121-4 CCP (estimated value of the need)",
  "law.euProcedure": "Art. L2124-1, R2124-1 and R2123-1 CCP",
  "law.repeat":
    "Art. R2122-8 CCP (do not systematically contract with the same operator) and R2121-6",
  "law.loiClimatCriterion": "Art. L2152-7 CCP (Law no. 2021-1104, art. 35)",
  "law.loiClimatClause": "Art. L2112-2 CCP (Law no. 2021-1104, art. 35)",
  "law.loiClimatSocial": "Art. L2112-2-1 CCP (Law no. 2021-1104, art. 35)",
  "law.amendment": "Art. R2194-8 and R2194-9 CCP",
  "law.payment": "Art. R2192-10 to R2192-36 CCP; Decree no. 2013-269, art. 12",
  "why.splitting":
    "Signal to check: whether the need is homogeneous (own characteristics or functional unit) is for the buyer to judge; the data sees neither the procedures run outside the software nor the exceptions of the code (R2122-1 to R2122-11).",
  "why.splittingCatchAll":
    "Weak signal: the grouping rests only on a catch-all budget article ({article}), which is not on its own a homogeneous family.",
  "why.single":
    "Signal to check: the purchase may have gone through a procedure not linked to the line, or fall under an exception of the code (R2122-1 to R2122-11).",
  "why.bunching":
    "Statistical signal to check: amounts grouped just below a threshold may come from market prices or rounded budgets.",
  "why.procedure":
    "Signal to check: the amount may include every renewal, or the procedure may fall under an exception (social and other specific services, small lots, R2122-1 to R2122-11) that the data does not show.",
  "why.repeat":
    "Signal to check: repeat purchases are lawful when each need is distinct and below the threshold; they invite a look at whether a contract is called for.",
  "why.loiClimat":
    "Signal to check: the register may not record every consideration set out in the contract documents.",
  "why.amendment":
    "Signal to check: a modification beyond the low-value threshold can still be lawful on another ground (R2194-1 to R2194-7); it is not in itself a breach.",
  "clear.attachToContract":
    "Link these lines to the contract they were bought under (contract number column), or exclude the family or the supplier with its reason (Settings, Nomenclature).",
  "clear.indicateOperation":
    "Give the works operation of each line (operation column): the works threshold applies per operation (R2121-5).",
  "clear.refineFamily":
    "Specify the purchase family (the buyer's nomenclature or CPV code): the budget article alone does not establish a homogeneous need.",
  "clear.singleProcedure":
    "Link the purchase to the contract or the procedure followed (contract number column), or document the applicable exception.",
  "clear.procedureBasis":
    "Document the ground of the procedure (CPV code of a social or specific service, small lot, exception), or correct the amount or the procedure in the register.",
  "clear.bunching":
    "For the amounts of the upper band, check the estimate of the need made before the purchase (R2121-1) and that no need was split (R2121-4).",
  "clear.repeat":
    "Group the need in a contract put out to competition, or document that the needs are distinct.",
  "clear.loiClimat":
    "Record in the register the environmental award criterion and performance condition (and the social one above the EU threshold) set out in the contract.",
  "clear.launchDate":
    "Enter the launch date of the consultation: the obligation applies only to consultations launched from {start}.",
  "clear.amendment":
    "Document the ground of the modification (R2194-1 to R2194-7), or correct the amount after modification in the register.",
  "CO1.splitting":
    "Off-contract purchases totalling {total, eurExact} in {year} ({entity}) for {subject} ({thresholdName} of {threshold, eurExact} in force at the first purchase, on {thresholdDate}{aboveNote}): check whether this is {need} to put out to competition.",
  "CO1.splittingPublicity": " The total also reaches the publicity threshold ({publicity, eurExact}).",
  "CO1.splittingEu": " The total also reaches the EU threshold ({eu, eurExact}).",
  "CO1.splittingCatchAll":
    " The grouping rests only on the catch-all budget article {article}: lowest severity.",
  "CO1.aboveNote":
    "; {count} {count, plural, one {purchase reaches} other {purchases reach}} this threshold on {count, plural, one {its} other {their}} own",
  "CO1.directAwardNote":
    " The total counts {count} {count, plural, one {line} other {lines}} bought under a contract awarded without publicity or competition (R2121-6).",
  "CO1.single":
    "Single purchase above the threshold with no linked procedure: {amount, eurExact} off contract ({entity}) for {subject}, beyond the {thresholdName} ({threshold, eurExact}): check the procedure followed.",
  "CO1.worksWithoutOperation":
    "Operation not given — to check: {lines} off-contract works {lines, plural, one {line} other {lines}} totalling {total, eurExact} in {year} ({entity}, family {family}) without an operation. The works threshold ({threshold, eurExact}) applies per operation (R2121-5): no total per family is computed.",
  "CO1.familyExcluded": "Family excluded from the check by the nomenclature: {reason}",
  "CO1.familyExcludedNoReason":
    "Family excluded from the check by the nomenclature (no reason given)",
  "CO1.outOfScope": "Article {article} ({label}) outside the public procurement code: {legalBasis}",
  "CO1.natureToSpecify":
    "Nature to specify: {lines} off-contract {lines, plural, one {line} other {lines}} totalling {total, eurExact} on article {article} ({label}), which mixes works and services; they are left out of the thresholds by nature.",
  "clear.natureToSpecify":
    "Classify these lines by CPV code or by the buyer's nomenclature (nature works, supplies or services).",
  "CO1.supplierExcluded": "Supplier excluded from the check ({legalBasis}): {reason}",
  "CO3.aboveEu":
    "Contract {ref} ({entity}) of {amount, eurExact} awarded by “{procedure}” although the EU threshold{utilitiesNote} ({eu, eurExact}{euNote}, in force on {date}, date of {basis}) is reached: check the ground of the procedure (exception provided by the code, data-entry error…).",
  "CO3.lotAboveEu":
    "Lot {ref} ({entity}) awarded by “{procedure}” although the consultation totals {amount, eurExact}, beyond the EU threshold{utilitiesNote} ({eu, eurExact}{euNote}, in force on {date}): unless it is a small lot (R2123-1 2°), check the ground of the procedure.",
  "CO3.socialServices":
    "MAPA lawful whatever the amount: social and other specific services (R2123-1 3°, CPV {cpv}) — contract {ref}.",
  "CO3.smallLot":
    "MAPA lawful for a small lot (R2123-1 2°): lot {ref} below {limit, eurExact}, small lots not exceeding {share}% of the consultation.",
  "CO3.uncertain":
    "EU threshold uncertain for contract {ref} ({amount, eurExact}): notified on {notified} without a launch date, at the start of a two-year period; the threshold in force at launch is {low, eurExact} or {high, eurExact}. Enter the launch date.",
  "PF6.beyondSafeHarbour":
    "Contract {ref}: {count} {count, plural, one {modification} other {modifications}} totalling {change, eurExact} ({percent, pct}), {reason} — beyond the low-value modification threshold (R2194-8: less than {limit}% and below the EU threshold of {eu, eurExact}; successive modifications added up, R2194-9). Check the ground of the modification.",
  "CO5.gap":
    "Contract {ref} ({entity}) launched on {launched} without {what}: check the award criteria and performance conditions (Climate and Resilience law, art. 35, compulsory for consultations launched from {start}).",
  "CO5.notFilled":
    "Contract {ref} ({entity}) launched on {launched}: {what} not recorded in the register, to complete (compulsory for consultations launched from {start}).",
  "CO5.launchUnknown":
    "Contract {ref} ({entity}) notified on {notified}, launch date unknown: to check — the obligation applies only to consultations launched from {start}; the contract is not counted as a breach.",
  "exclusion.intermediary":
    "Energy syndicate or intermediary central purchasing body: the buyer need not put out to competition what it entrusts to the central purchasing body (L2113-4)",
  "exclusion.exclusiveRights":
    "Exclusive rights: only one operator can perform the contract (R2122-3)",
  "exclusion.inHouse": "In-house contract: excluded from the code (L2511-1)",
  "exclusion.cooperation":
    "Cooperation between contracting authorities: contract excluded from the code (L2511-6)",
  "CO1.scopeFamily": "family",
  "CO1.scopeSupplier": "supplier",
  "CO1.scopeArticle": "article",
  "CO5.considerationEnvironmental": "environmental",
  "CO5.considerationCriterion": "environmental criterion",
  "CO5.considerationClause": "environmental clause",
  "CO5.considerationSocial": "social",

  // Territories: scenarios A/B/C per family and the services of the questionnaire
  "scenario.labelA": "Pool",
  "scenario.labelB": "Territorialise",
  "scenario.labelC": "Mixed",
  "scenario.descriptionA": "One contract or joint purchasing group for the whole perimeter",
  "scenario.descriptionB": "Geographic lots or purchasing per territory",
  "scenario.descriptionC": "Pooled framework agreement with territorial lots",
  "scenario.savings": "Savings {low, eurPlain} to {high, eurPlain} (central {central, eurPlain})",
  "scenario.localExposed":
    "spend with local suppliers re-tendered over the whole perimeter: {local, eurPlain}",
  "scenario.savingsShare":
    "Savings {low, eurPlain} to {high, eurPlain} (central {central, eurPlain}, {share}% of scenario A)",
  "scenario.extraCost": "Estimated extra cost {extra, eurPlain} ({percent}%: lost volume effect)",
  "scenario.proximity": "proximity and responsiveness per territory",
  "scenario.serviceA":
    "Harmonised service level; no known quality gap or priority expectation for this service",
  "scenario.serviceANeeds":
    "Harmonised service level, with no answer of its own for the territories with gaps or expectations: {list}",
  "scenario.serviceC":
    "One service level per territorial lot ({lots, plural, one {# lot} other {# lots}})",
  "scenario.serviceCNeeds":
    "One service level per territorial lot: gaps or expectations addressed in {list}",
  "scenario.serviceB":
    "Local service managed per territory ({lots, plural, one {# lot or purchase} other {# lots or purchases}})",
  "scenario.serviceBNeeds":
    "Local service managed per territory: gaps or expectations addressed in {list}",
  "scenario.equityA": "Same prices and commitments for every territory; local gaps not targeted",
  "scenario.equityC": "Common terms of the framework agreement, adapted per lot",
  "scenario.equityTarget":
    "Targets {population, intPlain} inhabitants of the territories with gaps or expectations",
  "scenario.equityB":
    "Resources allocated per territory; risk of price differences between territories",
  "scenario.equityBTarget":
    "Targets {population, intPlain} inhabitants of the territories with gaps or expectations; risk of price differences between territories",
  "scenario.legalFormalised":
    "Annual value {value, eurPlain} ≥ EU threshold {eu, eurPlain}: formalised procedure (call for tenders)",
  "scenario.legalPublicity":
    "Annual value {value, eurPlain} < EU threshold {eu, eurPlain}: procédure adaptée (MAPA), notice in the BOAMP or a JAL (≥ {publicity, eurPlain})",
  "scenario.legalAdapted": "Annual value {value, eurPlain}: procédure adaptée (MAPA)",
  "scenario.legalWholeNeed":
    "the estimated value covers the whole duration and every lot (R2121-1)",
  "scenario.legalLots":
    "{lots} geographic lots (division into lots, L2113-10): they ease SMEs' access, with no local preference (equal treatment, L3)",
  "scenario.legalSmallLots":
    "{n, plural, one {# small lot} other {# small lots}} (< {limit, eurPlain}, ≤ {share}% of the total) may use a procédure adaptée (R2123-1 2°)",
  "scenario.legalSingle":
    "a single contract; division into lots remains the rule unless justified (L2113-10)",
  "scenario.legalFramework":
    "Pooled framework agreement (joint purchasing group L2113-6 or central purchasing body)",
  "scenario.reasonTe4":
    "TE4 recommendation: {te4, select, mutualiser {pool} mixte {mixed} other {territorialise}}",
  "scenario.reasonNoTe4": "No TE4 recommendation; family bought on {n} territories",
  "scenario.reasonNoCursor":
    "No recommended cursor: a single purchasing unit, and not a proximity family with strong local supply",
  "scenario.reasonGaps": "Quality gaps (below target): {list}",
  "scenario.reasonPriorities": "Priority expectations (high importance, low satisfaction): {list}",
  "scenario.reasonToMixed": "Pool while keeping one lot per territory to address these gaps: mixed",
  "scenario.reasonToTerritorial":
    "Gaps or expectations in at least half of the territories of a proximity family: territorialise",
  "scenario.reasonCursor": "Recommended cursor: {cursor} · {label} — {cost}",
  "service.VOIRIE": "Roads and street lighting",
  "service.DECHETS": "Waste collection",
  "service.ESPACES_VERTS": "Green spaces",
  "service.PROPRETE": "Street and building cleaning",
  "service.RESTAURATION": "School catering",
  "service.BATIMENTS": "Building maintenance",
  "service.ACCUEIL": "Public reception",
  "service.PETITE_ENFANCE": "Early childhood",
  "service.MOBILITE": "Transport and mobility",

  // Reference labels: names of the shipped special dispense thresholds
  "specialThreshold.innovation": "innovative purchases",
  "specialThreshold.books": "books other than school books",
  "specialThreshold.food2020": "foodstuffs (temporary)",
  // Contracts-only analysis: awarded amounts (src/core/contracts-basis.ts, issue #11 §1)
  "basis.spend":
    "spend paid",
  "basis.awarded":
    "amounts awarded",
  "basis.awardedTitle":
    "Analysis of awarded contracts",
  "basis.awardedNote":
    "No spend line: the indicators are computed on the amounts awarded in the contracts (register or DECP), not on spend paid. Add the payment-order or invoice export for the spend indicators.",
  "na.noAwardedInPeriod":
    "No contract notified in the period {period} with an awarded amount.",
  "na.noAwardedPreviousPeriod":
    "No contract notified with an amount in the same period of the previous year ({period}).",
  "na.tailNeedsSpendLines":
    "Tail spend is measured on small purchases (payment orders, invoices), which the contracts register does not give: add the payment-order or invoice export.",
  "na.coverageNeedsSpendLines":
    "The share of spend under contract is measured on spend: add the payment-order or invoice export (with the contract number) to compute it.",
  "na.spaserNeedsSpendLines":
    "The SPASER threshold is on the civil year's purchases (spend), not on amounts awarded: add the year's payment-order or invoice export.",
  // CO6
  "na.co6.noPublishedDecp":
    "No published DECP given as input: add the file of the published essential data (DECP JSON or XML, as published on the buyer profile or on data.gouv.fr) to check the publication of the register's contracts (art. R2196-1 of the public procurement code).",
  "na.co6.noContractDue":
    "No contract of {threshold, eur} excl. VAT or more notified in the period {period}: no essential data to publish.",
  "co6.notFound":
    "Contract of {amount, eur2} excl. VAT notified on {date}, not found in the published DECP: publish its essential data on the buyer profile (art. R2196-1).",
  "co6.late":
    "Essential data published on {published}, {days, plural, one {# day} other {# days}} after the limit of {limit} (two months after notification, art. R2196-1).",
  "co6.undated":
    "Found in the published DECP, without a publication or notification date: the two-month delay cannot be checked; give the dates.",
  "co6.clear.notFound":
    "Publish the contract's essential data, or correct its number in the register if it is published under another number.",
  "co6.clear.late":
    "The data are published: publish those of the next contracts within two months of their notification.",
  "co6.clear.undated":
    "Give the contract's notification date and the publication date of its essential data.",
  // Spend lines: filler amounts set aside (src/core/intake/spend.ts)
  "setAside.spendPlaceholder":
    "Filler amounts on spend lines (€999,999,999, runs of 9…): set aside, the line is analysed at €0.",
  "anomaly.spendAmountPlaceholder":
    "The amount {amount, eur2} is a filler amount (a run of 9s, such as €999,999,999): it is set aside and the line is analysed at €0. Give the real amount.",
  "na.territoriesNeedSpendLines":
    "Territories are compared on their spend: add the payment-order or invoice export with the territory (or entity) column; the contracts register does not say which territory a contract serves.",

  // Pseudo-locale leftovers
  // Plan section 6 references
  "plan.ref.ethicsCharter":
    "CCP art. L3; law no. 2016-1691 (Sapin II) art. 3; AFA recommendations of 12 January 2021",
  "plan.ref.egalim2022": "{percent}% since 1 January 2022 — rural code, art. L230-5-1",
  "plan.ref.egalimMeatFish":
    "{percent}% since 1 January 2024 — rural code, art. L230-5-1 (law no. 2021-1104)",
  // Compliance texts of the CO1–CO5 rows: pieces of the alert texts and values of the sheet
  "compliance.parts": "{p0}{p1}{p2}{p3}",
  "compliance.natureUnknown": "Not given",
  "compliance.natureSuppliesServices": "Supplies / Services",
  "CO1.subjectOperation": "the works operation “{operation}”",
  "CO1.subjectFamily": "the family {family}",
  "CO1.thresholdName": "exemption threshold",
  "CO1.thresholdNameWorks": "works exemption threshold",
  "CO1.thresholdNameSpecial": "exemption threshold for {label} ({rule})",
  "CO1.needOperation": "one works operation",
  "CO1.needHomogeneous": "a homogeneous need",
  "CO1.severity.toCheck": "to check",
  "CO1.severity.high": "high",
  "CO1.severity.veryHigh": "very high",
  "CO1.groupedBy.family": "family",
  "CO1.groupedBy.operation": "operation",
  "CO1.exclusionWithNote": "{reason} — {note}",
  "CO1.status.worksWithoutOperation": "operation not given — to check",
  "CO2.bunching":
    "{upper} amounts between {low}% and 100% of the {thresholdName} of {threshold, eurExact} against {lower} just below: check that needs were not adjusted to stay below the threshold.",
  "CO2.kind.dispense": "Exemption threshold",
  "CO2.kind.publicity": "Publicity threshold",
  "CO2.kind.eu": "EU threshold",
  "CO2.kindInText.dispense": "exemption threshold",
  "CO2.kindInText.publicity": "publicity threshold",
  "CO2.kindInText.eu": "EU threshold",
  "CO2.threshold": "{name} ({nature}) {amount, eurExact}",
  "CO2.thresholdAllNatures": "{name} {amount, eurExact}",
  "CO2.nature.suppliesServices": "Supplies and services",
  "CO2.nature.works": "Works",
  "CO2.source": "{legal} — {source}",
  "CO2.euThresholds": "EU thresholds",
  "law.publicity": "Art. R2131-12 CCP",
  "CO3.issue.mapa": "MAPA above the EU threshold",
  "CO3.issue.lot": "MAPA for a lot of a consultation above the EU threshold",
  "CO3.issue.directAward": "Without publicity above the EU threshold",
  "CO3.euNoteNoNature": ", nature not given: supplies and services threshold",
  "CO3.utilitiesNote": " (contracting entity)",
  "CO3.basis.launch": "launch",
  "CO3.basis.notification": "notification",
  "CO4.pattern.directAwards": "repeated contracts without publicity",
  "CO4.pattern.offContract": "repeated off-contract purchases",
  "CO4.directAwards":
    "{count} contracts awarded without publicity or competition to {supplier} for the family {family} ({entity}, {years}): check whether these needs should have been grouped and put out to competition.",
  "CO4.offContract":
    "{count} off-contract purchases from {supplier} for the family {family} in {year} ({entity}), totalling {total, eurExact}, at least {share}% of the exemption threshold ({threshold, eurExact} in force at the first purchase, on {thresholdDate}): check whether the need recurs and whether a contract is warranted.",
  "CO5.what.environmental":
    "environmental consideration (neither award criterion nor performance condition)",
  "CO5.what.criterion": "environmental award criterion",
  "CO5.what.clause": "environmental performance condition",
  "CO5.what.social": "social consideration (contract above the EU threshold)",
  "CO5.status.absent": "missing",
  "CO5.status.notFilled": "not filled in",
  "CO5.status.launchUnknown": "to check (launch date unknown)",

  // terr: the answer of the territorial analysis (src/core/territories/answer.ts), shown at the top
  // of the Territoires sheet and in the plan's Organisation territoriale section
  "terr.answerTitle":
    "In short: what to pool, what to bring closer to the territories, at what cost and for what gain",
  "terr.answerPool":
    "To pool (one contract or joint purchasing group for the whole perimeter): {list} — savings {low, eurPlain} to {high, eurPlain} (central {central, eurPlain}).",
  "terr.answerMixed":
    "To pool with one lot per territory (mixed framework agreement): {list} — savings {low, eurPlain} to {high, eurPlain} (central {central, eurPlain}){served}.",
  "terr.answerCloser":
    "To bring closer to the territories (geographic lots or purchasing per territory): {list} — estimated extra cost {extra, eurPlain} (lost volume), for a local service managed per territory{served}.",
  "terr.answerServed":
    "; the lots address the gaps or expectations of {list} ({population, intPlain} inhabitants)",
  "terr.answerNone": "No orientation: {list} (reasons in the scenarios table).",
  "terr.answerNothing": "No family to orient in the period.",
  "terr.answerUnderServed":
    "Under-served territories (quality of service below target): {list}; spend per inhabitant of the whole perimeter: {all}",
  "terr.answerUnderServedItem": "{territory} ({services}; {perInhabitant})",
  "terr.answerNoUnderServed":
    "No under-served territory: every quality-of-service measure meets its target, within the tolerance.",
  "terr.answerNoQuality":
    "No Quality of service table: the service gaps between territories are not measured.",
  "terr.answerSource":
    "Orientation: the choice typed in the Strategic plan (Territorial organisation), else the recommended cursor. Figures: scenario rates (Settings sheet) applied to the period's spend excl. VAT.",
  "terr.signed": "{sign}{value, eurPlain}",
  "terr.range": "{low} to {high}",
  "terr.sourceChoice": "{scenario} (plan's choice)",
  "terr.sourceCursor": "{scenario} (recommended)",
  "terr.noPerInhabitant": "population unknown",
  "terr.hOrientation": "Orientation",
  "terr.hEffect": "Saving (+) or extra cost (−), central",
  "terr.hRange": "Range (low to high)",
  "terr.hPopulation": "Inhabitants targeted",
  "terr.hServed": "Territories targeted (gaps, expectations)",
  "terr.hGives": "What it gives (service)",
  "terr.hLots": "Lots",
  "terr.s7Territorial":
    "Pooling between the territories of one body (territorial hubs, sectors): {n} {n, plural, one {family} other {families}} to pool, {mixed} of them with one lot per territory, from the scenario chosen or else recommended (Territorial organisation section).",
  "terr.planChoiceEffect": "Chosen: {scenario} — {cost}",
  // terr2: the balance of the orientations says only what applies
  "terr2.balance":
    "Balance of the orientations: net {net} over the period in the central scenario{range}{parts}{population}.",
  "terr2.balanceRange": " (range {low} to {high})",
  "terr2.balanceSavings": "savings {savings, eurPlain}",
  "terr2.balanceExtra": "extra cost {extra, eurPlain}",
  "terr2.balanceParts": " — {first}",
  "terr2.balanceBoth": " — {first}, {second}",
  // terr2: the separator of a list of sentences in one cell (TE4 reasons, scenario impacts)
  "list.separator": "; ",
  "terr2.allTerritories": "all ({n})",
  "terr2.balancePopulation":
    "; {population, intPlain} inhabitants of the territories with gaps or expectations targeted",
  // law
  "CO1.splittingWithDirect":
    "Purchases totalling {total, eurExact} in {year} ({entity}) for {subject}, off contract and under a contract awarded without publicity or competition ({thresholdName} of {threshold, eurExact} in force at the first purchase, on {thresholdDate}{aboveNote}): check whether this is {need} to put out to competition.",
  "PF6.reasonPercent": "at least {limit}% of the initial amount",
  "PF6.reasonEu": "at least the EU threshold",
  "PF6.status.beyond": "beyond the low-value modification threshold",
  "PF8.serviceUnknown": "Department not given",
  "conformite.pf8MandateFromDate":
    "Mandat date: the line date ({columns}) is read as the date the mandat was issued (no column is mapped to the transmission to the comptable); it splits the maximum payment time between the ordonnateur (receipt → mandat) and the comptable (mandat → payment), decree no. 2013-269, art. 12.",
  "procedure.subsequent":
    "Contract {ref}: a call-off contract under a framework agreement recorded « {procedure} »; it is awarded under the framework's procedure (R2162-7 to R2162-12): not counted as a signal.",
  "procedure.objectNames":
    "Contract {ref}: the description names « {term} » while the procedure recorded is « {procedure} »: probably an entry error, not counted as a signal.",
  "law.subsequent": "Art. R2162-7 to R2162-12 CCP",
  "law.decpData": "Art. R2196-1 CCP (essential data)",
  "clear.procedureData":
    "Correct the procedure in the register or in the published essential data: the one followed, or the framework agreement's for a call-off contract.",
  "procedure.reasonSubsequent": "call-off contract",
  "procedure.reasonObject": "the description names another procedure",
  "why.directAward":
    "Signal to check: the contract may fall under an exception of the code that allows it without publicity or competition whatever its amount (overriding urgency, a service only one operator can provide…, R2122-1 to R2122-11), or its amount or procedure may be entered wrongly.",
  "PF4.natureToSpecify":
    "Contract {ref} without a nature ({amount, eurExact}): above the supplies and services exemption threshold ({low, eurExact}) but below the works one ({high, eurExact}) — not counted while its nature is unknown.",
  "clear.contractNature":
    "Give the contract's nature in the register (Nature column or CPV code: Works, Supplies or Services).",
  "why.latePayment":
    "Signal to check: the payment time runs from the receipt of the payment request; the data show neither a receipt date entered wrongly nor a suspension of the time for an incomplete request.",
  "clear.latePayment":
    "Check the invoice's receipt date and any suspension of the time; otherwise the late-payment interest and the €40 flat indemnity are due automatically (R2192-31 and D2192-35).",
  "clear.directAwardNeed":
    "Document that the contract awarded without publicity and the family's other purchases meet distinct needs, or the contract's legal ground (exception R2122-1 to R2122-11); link the other lines to the contract they were bought under.",
  // print
  "print.detailBelow":
    "The detail ({n, int} {n, plural, one {row} other {rows}}) is at the bottom of the sheet, section « {title} », outside the print area.",
  "print.detailTitle": "{title} (detail, not printed)",
  "print.suppliersPrinted":
    "Printed: the first {n, int} suppliers of {N, int} ({share, pct} of the spend); the whole list is in the table below.",
  "print.historyView": "Indicators by period, to read and print (most recent periods: {n, int})",
  "print.agecUnclassifiedTitle": "AGEC art. 58 · Unclassified lines (detail, not printed)",
};
