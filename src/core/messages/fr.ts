/**
 * French catalogue (the product language): every sentence core emits, by code. Data only; the
 * syntax of the templates is described in ./render.ts. en.ts must have the same codes.
 */
export const FR = {
  // Coverage: "n / N records"
  "coverage.lines": "{n} / {N} {N, plural, one {ligne} other {lignes}}",
  "coverage.linesBothPeriods":
    "{n} / {N} {N, plural, one {ligne} other {lignes}} (période et même période N-1)",
  "coverage.contracts": "{n} / {N} {N, plural, one {marché} other {marchés}}",
  "coverage.competitiveContracts":
    "{n} / {N} {N, plural, one {marché concurrentiel} other {marchés concurrentiels}}",
  "coverage.suppliers": "{n} / {N} {N, plural, one {fournisseur} other {fournisseurs}}",
  "coverage.territories": "{n} / {N} {N, plural, one {territoire} other {territoires}}",
  "coverage.families": "{n} / {N} {N, plural, one {famille} other {familles}}",

  // N/A reasons
  "na.noLinesInPeriod": "Aucune ligne de dépense sur la période {period}.",
  "na.noPositiveSupplier":
    "Aucun fournisseur avec une dépense nette positive sur la période (avoirs uniquement).",
  "na.previousPeriodNotCovered":
    "Les dépenses commencent le {date} : la même période de l'année précédente ({period}) n'est pas couverte en entier, et des périodes inégales ne se comparent pas.",
  "na.noLinesPreviousPeriod":
    "Aucune ligne de dépense sur la même période de l'année précédente ({period}).",
  "na.nonPositivePreviousSpend":
    "Dépense nette nulle ou négative sur la période de comparaison ({period}).",
  "na.nonPositiveSpend": "Dépense nette nulle ou négative sur la période.",

  // References
  "ref.tailThreshold": "Seuil de longue traîne : {perYear, eur} par an × {months} mois / 12",

  "coverage.amounts":
    "{n} / {N} {N, plural, one {montant} other {montants}} (lignes hors marché et marchés)",
  "coverage.directAwardsAndOffContractLines":
    "{n} / {N} marchés sans publicité et lignes hors marché",
  "coverage.records": "{n} / {N} {N, plural, one {enregistrement} other {enregistrements}}",

  "na.noContractsInPeriod": "Aucun marché notifié sur la période {period}.",
  "na.noContractsNotified": "Aucun marché notifié sur la période",
  "na.noContractWithProcedureAndAmount":
    "Aucun marché de la période avec une procédure reconnue et un montant.",
  "na.noCompetitiveWithBids":
    "Aucun marché concurrentiel de la période avec le nombre d'offres renseigné.",
  "na.noContractWithProcedure": "Aucun marché de la période avec une procédure reconnue.",
  "na.noContractWithEstimate":
    "Aucun marché de la période avec un montant estimé et un montant attribué.",
  "na.noContractWithAmendment":
    "Aucun marché de la période avec un montant initial et un montant après modification.",
  "na.noRegister": "Aucun registre des marchés fourni.",
  "na.noContractEnd": "Aucun marché avec une date de fin ou une durée renseignée.",
  "na.noPaymentDates": "Aucune ligne avec les dates de réception de la facture et de paiement.",
  "na.noLinesInCivilYear": "Aucune ligne de dépense sur l'année civile {years}",
  "na.noLineWithFamily":
    "Aucune ligne rattachée à une famille d'achat (ni, pour les travaux, à une opération) : le cumul par besoin homogène est impossible",
  "na.noAmounts": "Aucun montant d'achat hors marché ni de marché notifié sur la période",
  "na.noContractWithAmountProcedureDate":
    "Aucun marché notifié sur la période avec montant, procédure et date renseignés",
  "na.noDirectAwards":
    "Aucun marché sans publicité ni achat hors marché sur l'année civile de la période",
  "na.noSupplierOrFamily":
    "Fournisseur ou famille d'achat non renseignés : les attributions répétées ne peuvent être regroupées",
  "na.noContractSinceLoiClimat":
    "Aucun marché lancé sur la période à compter du {date} (entrée en vigueur de la loi Climat et Résilience, art. 35)",
  "na.considerationsNotGiven":
    "Considérations environnementales et sociales non renseignées pour les {count} marchés lancés depuis le {date}",
  "na.environmentalNotGiven":
    "Aucun marché notifié sur la période avec la considération environnementale renseignée",
  "na.socialNotGiven":
    "Aucun marché notifié sur la période avec la considération sociale renseignée",
  "na.smeNotGiven":
    "Catégorie PME du titulaire non renseignée (registre des marchés ou table Fournisseurs)",
  "na.entityDepartementNotGiven": "Département des entités non renseigné (table Entités)",
  "na.supplierDepartementNotGiven":
    "Département des fournisseurs non renseigné (code postal des lignes ou table Fournisseurs)",
  "na.nonPositiveCoveredSpend": "Dépense nette nulle ou négative sur les lignes renseignées",
  "na.noSupplierTable":
    "Pas de table Fournisseurs : le caractère insertion/ESS des fournisseurs est inconnu",
  "na.insertionNotGiven":
    "Aucun fournisseur de la période avec l'indicateur insertion/ESS renseigné (table Fournisseurs)",
  "na.noLinesInCivilYearOfPeriod": "Aucune ligne de dépense sur l'année civile de la période",
  "na.singleEntity":
    "Une seule entité dans les données : la mutualisation entre entités ne peut pas être évaluée (renseignez la colonne entité).",
  "na.noItemPrices": "Aucune ligne avec article, quantité et prix unitaire (ou montant) renseignés",
  "na.populationNotGiven":
    "Population des entités non renseignée (table Entités, colonne population)",
  "na.fewerThanTwoTerritories":
    "Moins de deux territoires avec une population connue (colonnes territoire et population de la table Entités)",
  "na.zeroMeanPerInhabitant":
    "Dépense par habitant moyenne nulle : coefficient de variation non défini",
  "na.departementsUnknown":
    "Département du fournisseur ou de l'entité inconnu sur toutes les lignes (tables Fournisseurs et Entités, code postal fournisseur)",
  "na.zeroKnownLocalSpend": "Dépense nette nulle sur les lignes dont les départements sont connus",

  "ref.nationalSingleBid": "Part nationale d'offre unique (indicatif)",
  "ref.amendmentLimit":
    "Limite d'augmentation : {suppliesServices} % fournitures/services, {works} % travaux",
  "ref.paymentDelay":
    "Délai global de paiement : {days} jours ({hospitalDays} jours pour les établissements publics de santé)",
  "ref.pnadTarget": "Objectif PNAD : {target} % des marchés",
  "ref.oecpSme": "OECP 2023 : part des marchés des collectivités attribués à des PME",
  "ref.spaserThreshold": "Seuil d'obligation de SPASER (achats annuels)",
  "ref.cooperativeGreen": "Achats coopératifs : vert à partir de {green} %",

  // Procedure bands (MU6)
  "band.belowDispense": "Sous le seuil de dispense",
  "band.adapted": "Procédure adaptée",
  "band.adaptedWithPublicity": "Procédure adaptée avec publicité BOAMP/JAL",
  "band.formalised": "Procédure formalisée",
  "consequence.formalised":
    "le total mutualisé de {total, eur} {verb, select, reaches {atteint} other {dépasse}} le seuil européen de {threshold, eur} : procédure formalisée requise",
  "consequence.dispenseWithPublicity":
    "le total mutualisé de {total, eur} {verb, select, reaches {atteint} other {dépasse}} le seuil de dispense de procédure de {threshold, eur} : procédure adaptée avec publicité au BOAMP ou dans un journal d'annonces légales requise",
  "consequence.publicity":
    "le total mutualisé de {total, eur} {verb, select, reaches {atteint} other {dépasse}} le seuil de publicité de {threshold, eur} : publicité au BOAMP ou dans un journal d'annonces légales requise",
  "consequence.adapted":
    "le total mutualisé de {total, eur} {verb, select, reaches {atteint} other {dépasse}} le seuil de dispense de procédure de {threshold, eur} : publicité et mise en concurrence requises (procédure adaptée)",

  // Proximity families and TE4 reasons
  "proximity.nomenclature":
    "la nomenclature (service de proximité : {flag, select, yes {oui} other {non}})",
  "proximity.works": "la nature Travaux",
  "proximity.keyword": "le mot-clé « {keyword} » du libellé",
  "proximity.cpv":
    "le code CPV {cpv} ({group, select, works {travaux} repair {réparation et entretien} catering {restauration collective} cleaning {nettoyage} other {espaces verts}})",
  "te4.noBuyer":
    "Aucune entité à dépense nette positive",
  "te4.oneBuyer":
    "Acheteur unique : {entity}",
  "te4.buyers":
    "Acheteurs : {entities}",
  "te4.buyersMore":
    "Acheteurs : {entities} et {more, int} {more, plural, one {autre} other {autres}}",
  "te4.localUnknown":
    "Part locale inconnue : département du fournisseur ou de l'entité non renseigné",
  "te4.localShare":
    "Offre locale {strength, select, strong {forte} other {faible}} (seuil {threshold} %) : fournisseurs du département de l'entité, à défaut du territoire",
  "te4.standardNoCriterion":
    "Standard : aucun critère de proximité (nomenclature, nature Travaux, libellé, CPV)",
  "te4.proximityFrom":
    "Proximité d'après {source}",
  "te4.standardFrom":
    "Standard d'après {source}",
  "te4.territoriesBuying":
    "Territoires : {list}",
  "te4.localSupplyUnknown":
    "Offre locale par territoire inconnue : code postal du fournisseur, département de l'entité ou codes postaux du territoire non renseignés",
  "te4.localSupplyStrong":
    "Offre locale forte (≥ {threshold} %) dans {strong} {strong, plural, one {territoire} other {territoires}} sur {n} : {list}",
  "te4.channelPooled":
    "Achat actuel : {share, pct} de la dépense par groupement de commandes ou centrale d'achat",
  "te4.channelMostlyPooled":
    "Achat actuel : {share, pct} de la dépense par groupement de commandes ou centrale d'achat (déjà largement mutualisée)",
  "te4.territoryShare": "{territory} {share, pct}",
  "te4.listPair": "{first}, {rest}",
  "te4.singleEntityNoTerritories":
    "Une seule entité et moins de deux territoires dans les données : la mutualisation ne peut pas être évaluée (renseignez la colonne entité ou la colonne territoire).",
  // A text that has no catalogue entry yet (French only): shown as it is in every language.
  "anomaly.farFutureDate":
    "Date en {year}, très éloignée des autres dates du fichier : ligne analysée, mais cette année n'est pas retenue comme période par défaut ; vérifiez la date",
  "anomaly.blankRows": "{count} lignes vides (lignes {first} à {last}) : ignorées.",
  "plan.fewSuppliersLowImpact":
    "Peu de fournisseurs dans une famille à faible impact : c'est l'ordinaire d'un petit besoin, pas un risque d'approvisionnement à lui seul",
  "anomaly.amountImplausibleLine":
    "Montant invraisemblable ({amount}) : plus de 10 milliards d'euros sur une seule ligne. Vérifiez le séparateur décimal et la colonne des montants ; la ligne est analysée telle quelle.",
  "anomaly.amountBeyondExact":
    "Montant hors limites ({amount}) : au-delà de {limit}, il ne peut pas être compté au centime près ; la ligne ne peut pas être analysée. Vérifiez le séparateur décimal et la colonne des montants.",
  "anomaly.territoryNameMissing": "Nom du territoire absent : renseignez le pôle, secteur, antenne ou quartier.",
  "anomaly.territoryPopulationUnreadable": "Population illisible ou négative : ignorée pour les montants par habitant.",
  "anomaly.postcodesUnreadable": "Codes postaux illisibles (attendu 5 chiffres, séparés par « ; ») : ignorés.",
  "anomaly.qualityTerritoryMissing": "Territoire absent : renseignez le territoire mesuré.",
  "anomaly.qualityServiceMissing": "Service absent : renseignez le service public mesuré.",
  "anomaly.qualityIndicatorMissing": "Indicateur absent : renseignez ce qui est mesuré.",
  "anomaly.qualityValueUnreadable": "Valeur mesurée absente ou illisible : renseignez un nombre (ex. 4,5 ou 92 %).",
  "anomaly.qualityTargetUnreadable": "Cible illisible : ignorée (pas d'écart à la cible pour cette mesure).",
  "anomaly.qualityDateUnreadable": "Date de mesure illisible : ignorée.",
  "anomaly.qualityDirectionUnrecognised": "Sens non reconnu (attendu « plus haut est mieux » ou « plus bas est mieux ») : déduit du libellé de l'indicateur.",
  untranslated: "{text}",
  "te4.noRecommendation":
    "Pas de recommandation : ni achat par plusieurs entités, ni famille de proximité à offre locale forte",
  "te4.recommend.mutualiser":
    "Par un groupement de commandes ou une centrale d'achat",
  "te4.recommend.mixte":
    "Accord-cadre mutualisé à lots territoriaux, qui facilitent l'accès des PME (égalité de traitement : aucune préférence locale)",
  "te4.recommend.territorialiser":
    "Lots géographiques, qui facilitent l'accès des PME (égalité de traitement : aucune préférence locale)",

  // Plan stratégique: quadrant explanation and pre-filled levers (SPEC §6)
  "plan.impact":
    "Impact {level, select, high {élevé} other {faible}} : {share, pct} de la dépense, pour un seuil de {cutoff, pct} (part d'une répartition égale entre {families} familles)",
  "plan.hhiUnknown": "Concentration (HHI) inconnue",
  "plan.hhi":
    "Concentration HHI {hhi, int} ({level, select, high {élevée} other {modérée}}, seuil {threshold, int})",
  "plan.singleBidUnknown":
    "Taux d'offre unique inconnu (aucun marché concurrentiel de la période avec le nombre d'offres)",
  "plan.singleBid":
    "Offre unique : {rate, pct} des marchés concurrentiels ({position, select, above {au-dessus} other {dans la limite}} de {red} %)",
  "plan.suppliers": "{count} {count, plural, one {fournisseur} other {fournisseurs}}",
  "plan.fewSuppliers":
    "{count} {count, plural, one {fournisseur} other {fournisseurs}} (peu de fournisseurs : {max} au plus)",
  "plan.risk":
    "Risque {level, select, high {élevé} other {faible}} : {score} {score, plural, one {facteur} other {facteurs}} de risque sur 3",
  "plan.lever.splitting":
    "{count} {count, plural, one {signal} other {signaux}} de fractionnement possible à vérifier : achats hors marché cumulés au-delà du seuil de dispense",
  "plan.lever.pooling":
    "{count} entités achètent cette famille séparément ({entities}) pour {amount, eur}",
  "plan.lever.environmental":
    "{part} {part, plural, one {marché} other {marchés}} sur {whole} avec une considération environnementale ({rate, pct}), objectif PNAD {target} %",
  "plan.lever.concentration":
    "Fournisseurs concentrés : HHI {hhi, int} ≥ {threshold, int} avec {count} {count, plural, one {fournisseur} other {fournisseurs}}",

  // Anomaly reasons (src/core/intake) and labels of the fields they name
  "anomaly.blankRow": "Ligne vide : ignorée.",
  "anomaly.spendTotalRow": "Ligne de total ignorée : ce n'est pas un achat.",
  "anomaly.amountMissing":
    "Montant absent : la ligne ne peut pas être analysée. Saisissez un nombre, par exemple 1 234,56.",
  "anomaly.amountUnreadable":
    "Montant illisible : la ligne ne peut pas être analysée. Saisissez un nombre, par exemple 1 234,56.",
  "anomaly.vatUnreadable":
    "Taux de TVA illisible ou hors de 0 à 100 % : le taux par défaut de {rate} % est appliqué au montant TTC.",
  "anomaly.dateMissing":
    "Date absente : la ligne ne peut pas être datée. Saisissez une date au format jj/mm/aaaa.",
  "anomaly.dateUnreadable":
    "Date illisible ou impossible : Saisissez une date au format jj/mm/aaaa.",
  "anomaly.supplierIdUnreadable":
    "Identifiant fournisseur illisible : attendu un SIRET (14 chiffres) ou un SIREN (9 chiffres). La ligne est analysée sans identifiant.",
  "anomaly.supplierIdInvalid":
    "SIRET/SIREN invalide (clé de contrôle) : vérifiez l'identifiant du fournisseur.",
  "anomaly.supplierMissing": "Fournisseur absent : renseignez le nom ou le SIRET du fournisseur.",
  "anomaly.entityMissing": "Entité absente : ligne rattachée à « {entity} ».",
  "anomaly.cpvInvalid":
    "Code CPV invalide (attendu 8 chiffres, ex. 30192000-1) : ignoré pour le classement.",
  "anomaly.channelUnrecognised":
    "Mode d'achat non reconnu (attendu : marché propre, groupement de commandes, centrale d'achat, hors marché) : déduit du n° de marché.",
  "anomaly.invoiceDateUnreadable":
    "Date de réception de facture illisible : ignorée pour le délai de paiement.",
  "anomaly.mandateDateUnreadable": "Date de mandatement illisible : ignorée pour le partage du délai de paiement.",
  "anomaly.paidDateUnreadable": "Date de paiement illisible : ignorée pour le délai de paiement.",
  "anomaly.quantityUnreadable": "Quantité illisible : ignorée pour la comparaison des prix.",
  "anomaly.unitPriceUnreadable": "Prix unitaire illisible : ignoré pour la comparaison des prix.",
  "anomaly.contractRefMissing":
    "Numéro de marché absent : renseignez la référence du marché pour pouvoir le rapprocher des dépenses.",
  "anomaly.contractAmountUnreadable":
    "Montant du marché illisible : le marché est analysé sans montant. Saisissez un nombre, par exemple 1 234,56.",
  "anomaly.fieldDateUnreadable": "{label} illisible : saisissez une date au format jj/mm/aaaa.",
  "anomaly.fieldNumberUnreadable": "{label} illisible : saisissez un nombre.",
  "anomaly.fieldAmountUnreadable": "{label} illisible : saisissez un nombre, par exemple 1 234,56.",
  "anomaly.fieldYesNoUnrecognised": "{label} : valeur non reconnue (attendu oui/non).",
  "anomaly.contractCpvInvalid": "Code CPV invalide (attendu 8 chiffres, ex. 45233140-2) : ignoré.",
  "anomaly.procedureUnrecognised":
    "Procédure non reconnue : conservée telle quelle, mais non classée dans les indicateurs de procédure.",
  "anomaly.contractChannelUnrecognised": "Mode d'achat non reconnu : ignoré.",
  "anomaly.holderIdUnreadable":
    "Identifiant du titulaire illisible : attendu un SIRET (14 chiffres) ou un SIREN (9 chiffres).",
  "anomaly.holderIdInvalid":
    "SIRET/SIREN du titulaire invalide (clé de contrôle) : vérifiez l'identifiant.",
  "label.notificationDate": "Date de notification",
  "label.durationMonths": "Durée en mois",
  "label.endDate": "Date de fin",
  "label.bidsReceived": "Nombre d'offres reçues",
  "label.lots": "Nombre de lots",
  "label.launchDate": "Date de lancement",
  "label.estimatedAmount": "Montant estimé",
  "label.socialConsideration": "Considération sociale",
  "label.environmentalConsideration": "Considération environnementale",
  "label.innovative": "Marché innovant",
  "label.amendmentDate": "Date de la modification",
  "label.amendedAmount": "Montant après modifications",
  "label.proximity": "Service de proximité",
  "label.excludedFromSplitting": "Exclusion du contrôle de fractionnement",
  "label.sme": "PME",
  "label.insertion": "Insertion / ESS",
  "anomaly.refYesNoUnrecognised": "{label} : valeur non reconnue (attendu oui/non) ; ignorée.",
  "anomaly.entityNameMissing": "Nom d'entité absent : renseignez la collectivité ou l'organisme.",
  "anomaly.populationUnreadable": "Population illisible : ignorée pour les montants par habitant.",
  "anomaly.entitySiretInvalid": "SIRET de l'entité invalide : vérifiez l'identifiant.",
  "anomaly.familyCodeMissing": "Code famille absent : renseignez le code de la famille d'achat.",
  "anomaly.natureUnrecognised":
    "Nature non reconnue (attendu Fournitures, Services ou Travaux) : ignorée.",
  "anomaly.refSupplierIdInvalid": "SIRET/SIREN du fournisseur invalide : vérifiez l'identifiant.",
  "anomaly.supplierNameAndIdMissing":
    "Fournisseur sans nom ni SIRET : renseignez au moins l'un des deux.",
  "anomaly.spendTotalRowAmount":
    "Ligne de total ignorée ({amount} HT, non compté dans le rapprochement) : ce n'est pas un achat.",

  // DECP import (src/core/decp.ts)
  "decp.implausible":
    "le montant ({amount}) {why, select, zero {vaut 0 €, ce qui ressemble à une valeur de remplissage et non à un montant réel} negative {est négatif, ce qui est impossible pour un marché} belowOneEuro {est inférieur à 1 €, ce qui n'est pas plausible pour un marché} tooLarge {atteint ou dépasse 999 999 999 €, ce qui ressemble à une valeur de remplissage et non à un montant réel} other {n'est composé que de 9, ce qui ressemble à une valeur de remplissage et non à un montant réel}}",
  "decp.contract.refObjet": "Le marché « {ref} » ({objet})",
  "decp.contract.ref": "Le marché « {ref} »",
  "decp.contract.objet": "Le marché ({objet})",
  "decp.contract.none": "Le marché",
  "decp.holderName": "« {name} » ",
  "decp.empty": "",
  "decp.holderIdNotSiret":
    "l'identifiant du {role, select, concessionnaire {concessionnaire} other {titulaire}} {holder}(« {id} ») n'est pas un SIRET (14 chiffres) ni un SIREN (9 chiffres) : le {role, select, concessionnaire {concessionnaire} other {titulaire}} est gardé sans identifiant. Corrigez le SIRET dans les données essentielles.",
  "decp.holderIdLuhn":
    "le {kind} du {role, select, concessionnaire {concessionnaire} other {titulaire}} {holder}(« {id} ») a une clé de contrôle invalide (Luhn) : il est probablement mal saisi. Vérifiez-le dans l'annuaire des entreprises et corrigez-le dans la source.",
  "decp.noId":
    "{contract} n'a pas d'identifiant (champs « id » et « uid » vides) : il ne peut être ni suivi ni rapproché des dépenses. Renseignez le numéro du marché dans les données essentielles puis réimportez le fichier.",
  "decp.noIdUsesUid":
    "{contract} n'a pas de champ « id » : l'identifiant unique « uid » est utilisé comme référence. Renseignez le champ « id » dans la source pour retrouver le numéro interne du marché.",
  "decp.noAmount":
    "{contract} n'a pas de montant : il est analysé sans montant. Renseignez le montant initial HT (forfaitaire ou maximum estimé) dans les données essentielles.",
  "decp.amountUnreadable":
    "{contract} a un montant illisible (« {value} ») : il est analysé sans montant. Saisissez le montant HT en chiffres (ex. 125000.50).",
  "decp.amountImplausible":
    "{contract} : {amount}. Le marché est analysé sans montant ; renseignez le montant initial HT réel (forfaitaire ou maximum estimé) dans les données essentielles.",
  "decp.buyerIdNotSiret":
    "{contract} : l'identifiant de l'acheteur (« {id} ») n'est pas un SIRET (14 chiffres) ; le marché est rattaché à l'acheteur sans identifiant. Corrigez le SIRET de l'acheteur dans la source.",
  "decp.buyerIdLuhn":
    "{contract} : le {kind} de l'acheteur (« {id} ») a une clé de contrôle invalide (Luhn) : il est probablement mal saisi. Corrigez-le dans la source.",
  "decp.noBuyer":
    "{contract} n'indique pas d'acheteur : il est rattaché à « Acheteur non renseigné ». Renseignez le SIRET de l'acheteur (champ « acheteur.id ») dans la source.",
  "decp.noCpv":
    "{contract} n'a pas de code CPV : sa nature (fournitures, services, travaux) et sa famille d'achat sont inconnues. Renseignez le code CPV principal (8 chiffres) dans la source.",
  "decp.cpvInvalid":
    "{contract} a un code CPV invalide (« {value} ») : 8 chiffres sont attendus (ex. 45210000-2). Le marché est analysé sans CPV ; corrigez le code dans la source.",
  "decp.noProcedure":
    "{contract} n'indique pas de procédure de passation : il est exclu des indicateurs de concurrence. Renseignez la procédure dans la source ({procedures}).",
  "decp.procedureUnrecognised":
    "{contract} a une procédure non reconnue (« {value} ») : elle est conservée telle quelle mais le marché est exclu des indicateurs de concurrence. Utilisez l'un des libellés DECP : {procedures}.",
  "decp.noNotificationDate":
    "{contract} n'a pas de date de notification : il est exclu des analyses par période et des échéances. Renseignez la date de notification (AAAA-MM-JJ) dans la source.",
  "decp.notificationDateUnreadable":
    "{contract} a une date de notification illisible (« {value} ») : il est exclu des analyses par période et des échéances. Saisissez la date au format AAAA-MM-JJ.",
  "decp.durationUnreadable":
    "{contract} a une durée illisible ou nulle (« {value} ») : sa date de fin est inconnue. Renseignez la durée totale en mois (nombre entier supérieur à 0).",
  "decp.bidsUnreadable":
    "{contract} a un nombre d'offres reçues illisible (« {value} ») : il est analysé sans ce nombre. Saisissez un nombre entier d'offres.",
  "decp.holderReason": "{contract} : {reason}",
  "decp.noHolder":
    "{contract} n'a pas de titulaire identifié : il est analysé sans fournisseur. Renseignez le SIRET et la raison sociale du titulaire dans la source.",
  "decp.amendmentImplausible":
    "{contract} a une modification dont le montant n'est pas plausible (« {value} ») : ce montant est ignoré. Corrigez le nouveau montant total HT de la modification dans la source.",
  "decp.duplicate":
    "{contract} a le même acheteur et le même identifiant que le marché de la ligne {row} : c'est probablement une double publication, qui compterait deux fois le marché. Supprimez le doublon dans la source, ou donnez un identifiant distinct à chaque marché.",
  "decp.notAMarche":
    "L'élément n° {row} de la liste n'est pas un marché au format DECP (champs id, acheteur, objet, montant… absents) : il n'est pas analysé. Vérifiez que le fichier est bien un export des données essentielles de la commande publique.",
  // Registers as written and concessions (src/core/intake/contracts.ts, src/core/decp.ts)
  "decp.implausibleWhy":
    "{why, select, zero {vaut 0 €, ce qui ressemble à une valeur de remplissage et non à un montant réel} negative {est négatif, ce qui est impossible pour un marché} belowOneEuro {est inférieur à 1 €, ce qui n'est pas plausible pour un marché} tooLarge {atteint ou dépasse 999 999 999 €, ce qui ressemble à une valeur de remplissage et non à un montant réel} other {n'est composé que de 9, ce qui ressemble à une valeur de remplissage et non à un montant réel}}",
  "decp.concession.refObjet":
    "Le contrat de concession « {ref} » ({objet})",
  "decp.concession.ref":
    "Le contrat de concession « {ref} »",
  "decp.concession.objet":
    "Le contrat de concession ({objet})",
  "decp.concession.none":
    "Le contrat de concession",
  "decp.concessionNoId":
    "{concession} n'a pas d'identifiant (champs « id » et « uid » vides) : il ne peut pas être suivi. Renseignez son identifiant dans les données essentielles.",
  "decp.concessionValueImplausible":
    "{concession} : la valeur globale ({amount}) {why}. Renseignez la valeur globale HT réelle.",
  "decp.concessionNoEnd":
    "{concession} n'a pas de durée ou de date de début lisible : son échéance est inconnue. Renseignez la durée en mois et la date de début d'exécution.",
  "setAside.placeholder":
    "Montants de remplissage ou non plausibles (0 €, 999 999 999 €, suite de 9…) : mis de côté, le marché est analysé sans montant.",
  "setAside.concession":
    "Valeur globale des contrats de concession : lue dans la table des concessions, hors montants des marchés.",
  "setAside.grouped":
    "Montants répétés sur les lignes des co-titulaires d'un même marché : le marché est compté une fois.",
  "setAside.subtotal":
    "Sous-totaux (montant total de lots détaillés sur les lignes suivantes) : non comptés, les lots le sont.",
  "anomaly.contractSubtotalRow":
    "Ligne de sous-total : ce n'est pas un marché (son montant est celui des lots des lignes suivantes, comptés chacun) ; mise de côté.",
  "anomaly.contractRefByRow":
    "Le registre n'a pas de colonne « N° de marché » : chaque ligne est un marché, désigné par son numéro de ligne (L{row}…). Ajoutez le numéro de chaque marché pour pouvoir le rapprocher des dépenses.",
  "anomaly.contractLotAmounts":
    "Le montant liste {lots, int} lots : leur somme est le montant du marché. Saisissez un marché par lot, avec son montant.",
  "anomaly.contractMaximumBasis":
    "Pas de montant initial : le marché est analysé sur son montant maximum (accord-cadre). Renseignez le montant initial s'il existe.",
  "anomaly.contractAmountPlaceholder":
    "Le montant {why} : il est mis de côté et le marché est analysé sans montant. Renseignez le montant HT réel.",
  "anomaly.contractSectionNature":
    "Ligne de section « {text} » : ce n'est pas un marché ; elle donne la nature ({nature}) des marchés qui la suivent.",
  "anomaly.contractSectionNatureColumn":
    "Ligne de section « {text} » : ce n'est pas un marché (la nature est lue dans la colonne Nature).",
  "anomaly.contractSectionTranche":
    "Ligne de section « {text} » (tranche de montants) : ce n'est pas un marché.",
  "anomaly.contractTitleRow":
    "Ligne de titre ou de commentaire (une seule cellule remplie) : ce n'est pas un marché.",
  "anomaly.contractHolderRepeated":
    "Ligne en double : le marché « {ref} » et son titulaire figurent déjà à la ligne {row}. Supprimez la ligne répétée.",
  "label.publicationDate":
    "Date de publication",
  // Automatic period (src/core/bulk-year.ts)
  "period.bulkYear":
    "Période automatique : {year} (données du {first} au {last}{leftOut})",
  "period.bulkYearLeftOut":
    " ; {n, plural, one {année écartée} other {années écartées}}, trop peu de données — {list}",
  "period.bulkYearLeftItem":
    "{year} : {count, int} {count, plural, one {ligne} other {lignes}}",
  "period.listPair":
    "{a}, {b}",
  // The buyer's DECP 2024 (src/core/decp-export.ts)
  "decpExport.fix.id":
    "renseignez le numéro du marché (1 à 16 caractères) dans le registre",
  "decpExport.fix.acheteur":
    "renseignez le SIRET de l'acheteur (14 chiffres, colonne « SIRET acheteur »)",
  "decpExport.fix.nature":
    "indiquez la nature DECP (Marché, Marché de partenariat, Marché de défense ou de sécurité)",
  "decpExport.fix.objet":
    "renseignez l'objet du marché",
  "decpExport.fix.codeCPV":
    "renseignez le code CPV principal (8 chiffres)",
  "decpExport.fix.techniques":
    "indiquez la technique d'achat (Accord-cadre, Concours… ou Sans objet)",
  "decpExport.fix.modalitesExecution":
    "indiquez les modalités d'exécution (Tranches, Bons de commande, Marchés subséquents ou Sans objet)",
  "decpExport.fix.marcheInnovant":
    "indiquez si le marché est innovant (oui/non)",
  "decpExport.fix.ccag":
    "indiquez le CCAG de référence (ou Pas de CCAG)",
  "decpExport.fix.offresRecues":
    "renseignez le nombre d'offres reçues",
  "decpExport.fix.attributionAvance":
    "indiquez si une avance a été attribuée (oui/non)",
  "decpExport.fix.typeGroupementOperateurs":
    "indiquez le type de groupement (Conjoint, Solidaire ou Pas de groupement)",
  "decpExport.fix.procedure":
    "renseignez la procédure de passation (libellé DECP)",
  "decpExport.fix.lieuExecution":
    "renseignez le lieu d'exécution (code et type de code, ex. 93077 / Code commune)",
  "decpExport.fix.dureeMois":
    "renseignez la durée du marché en mois",
  "decpExport.fix.dateNotification":
    "renseignez la date de notification",
  "decpExport.fix.datePublicationDonnees":
    "renseignez la date de publication des données",
  "decpExport.fix.montant":
    "renseignez le montant HT (forfaitaire ou maximum estimé, au moins 1 €)",
  "decpExport.fix.typesPrix":
    "indiquez le type de prix (Définitif ferme, Définitif actualisable, Définitif révisable ou Provisoire)",
  "decpExport.fix.formePrix":
    "indiquez la forme du prix (Unitaire, Forfaitaire ou Mixte)",
  "decpExport.fix.sousTraitanceDeclaree":
    "indiquez si une sous-traitance a été déclarée à la notification (oui/non)",
  "decpExport.fix.titulaires":
    "renseignez le SIRET de chaque titulaire",
  "decpExport.fix.considerationsSociales":
    "indiquez les considérations sociales (Clause sociale, Critère social, Marché réservé ou Pas de considération sociale)",
  "decpExport.fix.considerationsEnvironnementales":
    "indiquez les considérations environnementales (Clause environnementale, Critère environnemental ou Pas de considération environnementale)",
  "decpExport.fix.idTooLong":
    "le numéro « {ref} » dépasse 16 caractères : donnez un identifiant DECP plus court",
  "decpExport.missingItem":
    "{field} — {fix}",
  "decpExport.missingPair":
    "{a} ; {b}",
  "decpExport.notWritten":
    "Marché « {ref} » ({table}, ligne {row}) non publié, champs obligatoires manquants : {missing}.",
  // RE7/RE8
  // AGEC art. 58 (src/core/indicators/re/re7.ts, report/sheets/responsible-duties.ts)
  "na.re7.noPurchases":
    "Aucun achat des catégories de produits de l'article 58 de la loi AGEC sur les années civiles de la période.",
  "na.re7.noDuty":
    "Pas d'obligation en {year} : l'article 58 de la loi AGEC s'applique aux achats à partir de 2021.",
  "na.re7.notMeasurable":
    "Part non mesurable en {year} : aucune ligne n'a la colonne « Label qualité » (réemploi, reconditionné, matières recyclées). Ajoutez cette colonne à l'export.",
  "ref.re7.minimum":
    "Minimum en vigueur en {year} (décret n° {decree}), pondéré par la dépense de chaque catégorie",
  "agec.status.reached": "Atteint",
  "agec.status.notReached": "Non atteint",
  "agec.status.minimumUnknown": "Minimum à saisir (Paramètres)",
  "agec.status.notMeasurable": "Non mesurable : colonne Label qualité vide",
  "agec.status.noDuty": "Pas d'obligation (avant 2021)",
  "agec.category.textiles": "Vêtements, linge et chaussures",
  "agec.category.papier": "Papier d'impression et de copie, papeterie",
  "agec.category.fournituresBureau": "Fournitures de bureau",
  "agec.category.cartouches": "Cartouches d'encre et de toner",
  "agec.category.impression": "Photocopieurs et matériel d'impression",
  "agec.category.informatique": "Matériel informatique et téléphonie",
  "agec.category.mobilier": "Mobilier (bureau, scolaire, intérieur)",
  "agec.category.mobilierUrbain": "Mobilier urbain",
  "agec.category.electromenager": "Appareils électroménagers",
  "agec.category.transport": "Engins de transport et pièces détachées",
  "agec.category.collecteDechets": "Équipements de collecte des déchets",
  "agec.category.sport": "Articles et équipements sportifs",
  "agec.category.espacesVerts": "Matériel d'entretien des espaces verts",
  "agec.category.batimentsModulaires": "Bâtiments modulaires ou préfabriqués",
  // EGalim (src/core/indicators/re/re8.ts)
  "na.re8.noCatering":
    "Aucun achat de restauration collective (CPV 15, 555, produits agricoles ou article 60623) sur les années civiles de la période.",
  "na.re8.onlyServices":
    "En {year}, seuls des services de restauration (CPV 555) ont été achetés : la part EGalim se déclare avec les chiffres du prestataire.",
  "na.re8.notMeasurable":
    "Part non mesurable en {year} : aucune ligne alimentaire n'a la colonne « Label qualité » (bio, label rouge, AOP, IGP, HVE…). Ajoutez cette colonne à l'export.",
  "ref.re8.quality":
    "Objectif EGalim : produits durables et de qualité, dont {organic} % bio",
  "egalim.allEntities": "Toutes entités",
  "egalim.status.reached": "Objectifs atteints",
  "egalim.status.notReached": "Objectif non atteint",
  "egalim.status.notMeasurable": "Non mesurable : colonne Label qualité vide",
  "egalim.status.noTarget": "Pas d'objectif en vigueur (avant 2022)",
  // AGEC art. 58 section of the Achats responsables sheet (report/sheets/responsible-duties.ts)
  "agec.section.title":
    "AGEC art. 58 · Achats issus du réemploi ou intégrant des matières recyclées",
  "agec.note.declaration":
    "Déclaration annuelle sur data.gouv.fr : dépense HT de l'année par catégorie et part issue du réemploi, de la réutilisation ou intégrant des matières recyclées. Minimums : décret n° 2021-254 jusqu'en 2023, décret n° 2024-134 (en vigueur le 1er juillet 2024) à partir de 2024 ; les minimums non vérifiés restent vides : saisissez-les dans Paramètres.",
  "agec.note.none": "Aucun achat des catégories concernées sur la période.",
  "agec.note.rule":
    "Règle de classement : code CPV (préfixe le plus long), sinon article budgétaire. Catégories reconnues : {categories}. Le décret compte 17 catégories : les produits des autres restent hors champ ici. Sources : {sources}.",
  "agec.note.unclassified":
    "Lignes non classables : {n, int} pour {amount, eur2} HT (ni CPV ni article, ou article trop général) ; hors champ : {outOfScope, int} {outOfScope, plural, one {ligne} other {lignes}}. Renseignez le code CPV de ces lignes pour les classer.",
  "agec.note.largest": "… les {max, int} plus gros montants sont listés sur {n, int}.",
  "agec.partialYear": " (année incomplète)",
  "agec.unverifiedMinimum": " · minimum non vérifié",
  "agec.unclassified.noCode": "ni code CPV ni article budgétaire",
  "agec.unclassified.broadArticle": "article trop général pour dire la catégorie",
  "agec.source.2021": "Décret n° 2021-254 du 9 mars 2021, annexe (abrogé le 1er juillet 2024)",
  "agec.source.2024":
    "Décret n° 2024-134 du 21 février 2024, annexe ; arrêté du 29 février 2024 (liste des produits)",
  "agec.source.step": " (palier {step})",
  "agec.source.readIn.textiles":
    " — valeurs de la ligne « produits textiles, à l'exception des équipements de protection individuelle » de l'annexe, lues dans le tableau reproduit par l'Alliance du Commerce et recoupées avec la CPME Charente-Maritime (consultés le 1er décembre 2026)",
  "agec.source.before2021":
    "Obligation applicable aux achats à partir de 2021 (loi n° 2020-105, art. 58)",

  // CO/PF computes
  "na.noContractSinceLoiClimatLaunchUnknown":
    "Aucun marché lancé sur la période à compter du {date} (entrée en vigueur de la loi Climat et Résilience, art. 35) ; {count, plural, one {# marché notifié} other {# marchés notifiés}} depuis cette date sans date de lancement, à vérifier",
  "ref.amendmentSafeHarbour":
    "Seuil de modification de faible montant : {suppliesServices} % fournitures/services, {works} % travaux, et sous le seuil européen (modifications cumulées)",
  "ref.paymentDelaySplit":
    "Délai global de paiement : {days} jours ({ordonnateur} ordonnateur + {comptable} comptable ; {hospitalDays} jours pour les établissements publics de santé)",
  "conformite.co1Scope":
    "Cumul sur l'année civile entière ({years}), y compris les lignes hors de la période analysée ; lignes hors marché et lignes achetées sous un marché sans publicité ni mise en concurrence (R2121-6) ; par acheteur (budgets d'un même SIREN réunis) ; travaux par opération (R2121-5)",
  "conformite.co2Rule":
    "Signal quand au moins {minCount} montants sont dans [{upperFrom} %, 100 %) d'un seuil et plus de {ratio} fois le nombre de la bande [{lowerFrom} %, {upperFrom} %)",
  "conformite.co4Rule":
    "Marchés sans publicité : au moins {minContracts} par entité, fournisseur et famille ; achats hors marché : au moins {minPurchases} achats par entité, fournisseur, famille et année cumulant au moins {minSharePercent} % du seuil de dispense",

  // Compliance texts (CO1–CO5, PF4, PF6, PF8; src/core/indicators/compliance-messages.ts): legal
  // bases, why an alert is a signal to check, what would clear it, alert texts. Plain {name}
  // parameters only, so that the French text is the one the rules always wrote.
  "law.splitting": "Art. R2121-1, R2121-6 et R2122-8 CCP",
  "law.splittingWorks": "Art. R2121-1, R2121-5 et R2122-8 CCP",
  "law.dispense": "Art. R2122-8 CCP",
  "law.books": "Art. R2122-9 CCP",
  "law.innovation": "Art. R2122-9-1 CCP",
  "law.food2020": "Décret n° 2020-893, art. 1er",
  "law.bunching": "Art. R2121-1 et R2121-4 CCP (valeur estimée du besoin)",
  "law.euProcedure": "Art. L2124-1, R2124-1 et R2123-1 CCP",
  "law.repeat":
    "Art. R2122-8 CCP (ne pas contracter systématiquement avec un même opérateur) et R2121-6",
  "law.loiClimatCriterion": "Art. L2152-7 CCP (loi n° 2021-1104, art. 35)",
  "law.loiClimatClause": "Art. L2112-2 CCP (loi n° 2021-1104, art. 35)",
  "law.loiClimatSocial": "Art. L2112-2-1 CCP (loi n° 2021-1104, art. 35)",
  "law.amendment": "Art. R2194-8 et R2194-9 CCP",
  "law.payment": "Art. R2192-10 à R2192-36 CCP ; décret n° 2013-269, art. 12",
  "why.splitting":
    "Signal à vérifier : l'homogénéité du besoin (caractéristiques propres ou unité fonctionnelle) s'apprécie par l'acheteur ; les données ne voient ni les procédures menées hors du logiciel, ni les exceptions du code (R2122-1 à R2122-11).",
  "why.splittingCatchAll":
    "Signal faible : le regroupement ne repose que sur un article budgétaire « fourre-tout » ({article}), qui n'est pas à lui seul une famille homogène.",
  "why.single":
    "Signal à vérifier : l'achat a pu faire l'objet d'une procédure non rattachée à la ligne, ou relever d'une exception du code (R2122-1 à R2122-11).",
  "why.bunching":
    "Signal statistique à vérifier : des montants groupés sous un seuil peuvent venir de prix de marché ou de budgets arrondis.",
  "why.procedure":
    "Signal à vérifier : le montant peut inclure toutes les reconductions, ou la procédure relever d'une exception (services sociaux et spécifiques, petits lots, R2122-1 à R2122-11) que les données ne montrent pas.",
  "why.repeat":
    "Signal à vérifier : la récurrence est licite quand chaque besoin est distinct et sous le seuil ; elle invite à examiner l'opportunité d'un marché.",
  "why.loiClimat":
    "Signal à vérifier : le registre peut ne pas reprendre toutes les considérations prévues dans les pièces du marché.",
  "why.amendment":
    "Signal à vérifier : une modification au-delà du seuil de faible montant reste licite sur un autre fondement (R2194-1 à R2194-7) ; ce n'est pas en soi un manquement.",
  "clear.attachToContract":
    "Rattachez ces lignes au marché sous lequel elles ont été achetées (colonne N° de marché), ou excluez la famille ou le fournisseur avec son motif (Paramètres, Nomenclature).",
  "clear.indicateOperation":
    "Indiquez l'opération de travaux de chaque ligne (colonne Opération) : le seuil travaux s'apprécie par opération (R2121-5).",
  "clear.refineFamily":
    "Précisez la famille d'achat (nomenclature de l'acheteur ou code CPV) : l'article budgétaire seul ne suffit pas à établir un besoin homogène.",
  "clear.singleProcedure":
    "Rattachez l'achat au marché ou à la procédure suivie (colonne N° de marché), ou documentez l'exception applicable.",
  "clear.procedureBasis":
    "Documentez le fondement de la procédure (code CPV de service social ou spécifique, petit lot, exception), ou corrigez le montant ou la procédure dans le registre.",
  "clear.bunching":
    "Vérifiez, pour les montants de la bande haute, l'estimation du besoin faite avant l'achat (R2121-1) et l'absence de besoin scindé (R2121-4).",
  "clear.repeat":
    "Regroupez le besoin dans un marché mis en concurrence, ou documentez que les besoins sont distincts.",
  "clear.loiClimat":
    "Renseignez dans le registre le critère d'attribution et la condition d'exécution environnementaux (et sociale au-dessus du seuil européen) prévus au marché.",
  "clear.launchDate":
    "Renseignez la date de lancement de la consultation : l'obligation ne vaut que pour les consultations lancées à partir du {start}.",
  "clear.amendment":
    "Documentez le fondement de la modification (R2194-1 à R2194-7), ou corrigez le montant après modification dans le registre.",
  "CO1.splitting":
    "Achats hors marché cumulés de {total, eurExact} en {year} ({entity}) pour {subject} ({thresholdName} de {threshold, eurExact} en vigueur au premier achat, le {thresholdDate}{aboveNote}) : vérifier s'il s'agit {need} à mettre en concurrence.",
  "CO1.splittingPublicity": " Le cumul atteint aussi le seuil de publicité ({publicity, eurExact}).",
  "CO1.splittingEu": " Le cumul atteint aussi le seuil européen ({eu, eurExact}).",
  "CO1.splittingCatchAll":
    " Le regroupement ne repose que sur l'article budgétaire « fourre-tout » {article} : sévérité la plus basse.",
  "CO1.aboveNote": " ; dont {count} achat(s) atteignant à eux seuls ce seuil",
  "CO1.directAwardNote":
    " Le cumul compte {count} ligne(s) achetée(s) sous un marché passé sans publicité ni mise en concurrence (R2121-6).",
  "CO1.single":
    "Achat unique au-dessus du seuil sans procédure rattachée : {amount, eurExact} hors marché ({entity}) pour {subject}, au-delà du {thresholdName} ({threshold, eurExact}) : vérifier la procédure suivie.",
  "CO1.worksWithoutOperation":
    "Opération non renseignée — à vérifier : {lines} ligne(s) de travaux hors marché de {total, eurExact} en {year} ({entity}, famille {family}) sans opération. Le seuil travaux ({threshold, eurExact}) s'apprécie par opération (R2121-5) : aucun cumul par famille n'est calculé.",
  "CO1.familyExcluded": "Famille exclue du contrôle par la nomenclature : {reason}",
  "CO1.familyExcludedNoReason":
    "Famille exclue du contrôle par la nomenclature (motif non renseigné)",
  "CO1.outOfScope":
    "Article {article} ({label}) hors du code de la commande publique : {legalBasis}",
  "CO1.natureToSpecify":
    "Nature à préciser : {lines} ligne(s) hors marché de {total, eurExact} sur l'article {article} ({label}), qui mêle travaux et services ; elles sont laissées hors des seuils par nature.",
  "clear.natureToSpecify":
    "Classez ces lignes par code CPV ou par la nomenclature de l'acheteur (nature Travaux, Fournitures ou Services).",
  "CO1.supplierExcluded": "Fournisseur exclu du contrôle ({legalBasis}) : {reason}",
  "CO3.aboveEu":
    "Marché {ref} ({entity}) de {amount, eurExact} passé en « {procedure} » alors que le seuil européen{utilitiesNote} ({eu, eurExact}{euNote}, en vigueur le {date}, date de {basis}) est atteint : vérifier le fondement de la procédure (exception prévue par le code, erreur de saisie…).",
  "CO3.lotAboveEu":
    "Lot {ref} ({entity}) passé en « {procedure} » alors que la consultation totalise {amount, eurExact}, au-delà du seuil européen{utilitiesNote} ({eu, eurExact}{euNote}, en vigueur le {date}) : hors petits lots (R2123-1 2°), vérifier le fondement de la procédure.",
  "CO3.socialServices":
    "MAPA licite quel que soit le montant : services sociaux et autres services spécifiques (R2123-1 3°, CPV {cpv}) — marché {ref}.",
  "CO3.smallLot":
    "MAPA licite pour un petit lot (R2123-1 2°) : lot {ref} inférieur à {limit, eurExact}, petits lots ne dépassant pas {share} % de la consultation.",
  "CO3.uncertain":
    "Seuil européen incertain pour le marché {ref} ({amount, eurExact}) : notifié le {notified} sans date de lancement, en début de période biennale ; le seuil en vigueur au lancement est {low, eurExact} ou {high, eurExact}. Renseignez la date de lancement.",
  "PF6.beyondSafeHarbour":
    "Marché {ref} : {count} modification(s) cumulant {change, eurExact} ({percent, pct}), {reason} — au-delà du seuil de modification de faible montant (R2194-8 : moins de {limit} % et sous le seuil européen de {eu, eurExact} ; modifications successives cumulées, R2194-9). Vérifier le fondement de la modification.",
  "CO5.gap":
    "Marché {ref} ({entity}) lancé le {launched} sans {what} : vérifier les critères et conditions d'exécution (loi Climat et Résilience, art. 35, obligatoire pour les consultations lancées à partir du {start}).",
  "CO5.notFilled":
    "Marché {ref} ({entity}) lancé le {launched} : {what} non renseignée dans le registre, à compléter (obligatoire pour les consultations lancées à partir du {start}).",
  "CO5.launchUnknown":
    "Marché {ref} ({entity}) notifié le {notified}, date de lancement inconnue : à vérifier — l'obligation ne vaut que pour les consultations lancées à partir du {start} ; le marché n'est pas compté comme manquement.",
  "exclusion.intermediary":
    "Syndicat d'énergie ou centrale d'achat intermédiaire : l'acheteur n'a pas à mettre en concurrence ce qu'il confie à la centrale (L2113-4)",
  "exclusion.exclusiveRights":
    "Droits d'exclusivité : un seul opérateur peut exécuter le marché (R2122-3)",
  "exclusion.inHouse": "Quasi-régie (in house) : contrat exclu du code (L2511-1)",
  "exclusion.cooperation":
    "Coopération entre pouvoirs adjudicateurs : contrat exclu du code (L2511-6)",
  "CO1.scopeFamily": "famille",
  "CO1.scopeSupplier": "fournisseur",
  "CO1.scopeArticle": "article",
  "CO5.considerationEnvironmental": "environnementale",
  "CO5.considerationCriterion": "critère environnemental",
  "CO5.considerationClause": "clause environnementale",
  "CO5.considerationSocial": "sociale",

  // Territories: scenarios A/B/C per family (src/core/territories/scenarios.ts) and the services of
  // the Attentes des territoires questionnaire (src/core/territories/expectations.ts)
  "scenario.labelA": "Mutualiser",
  "scenario.labelB": "Territorialiser",
  "scenario.labelC": "Mixte",
  "scenario.descriptionA": "Un marché ou un groupement de commandes pour tout le périmètre",
  "scenario.descriptionB": "Lots géographiques ou achats par territoire",
  "scenario.descriptionC": "Accord-cadre mutualisé à lots territoriaux",
  "scenario.savings": "Économies {low, eurPlain} à {high, eurPlain} (central {central, eurPlain})",
  "scenario.localExposed":
    "dépense auprès de fournisseurs locaux remise en concurrence sur tout le périmètre : {local, eurPlain}",
  "scenario.savingsShare":
    "Économies {low, eurPlain} à {high, eurPlain} (central {central, eurPlain}, {share} % du scénario A)",
  "scenario.extraCost": "Surcoût estimé {extra, eurPlain} ({percent} % : perte d'effet volume)",
  "scenario.proximity": "proximité et réactivité par territoire",
  "scenario.serviceA":
    "Niveau de service harmonisé ; aucun écart de qualité ni attente prioritaire connu sur ce service",
  "scenario.serviceANeeds":
    "Niveau de service harmonisé, sans réponse propre aux territoires en écart ou en attente : {list}",
  "scenario.serviceC":
    "Un niveau de service par lot territorial ({lots, plural, one {# lot} other {# lots}})",
  "scenario.serviceCNeeds":
    "Un niveau de service par lot territorial : écarts ou attentes traités dans {list}",
  "scenario.serviceB":
    "Service de proximité piloté par territoire ({lots, plural, one {# lot ou achat} other {# lots ou achats}})",
  "scenario.serviceBNeeds":
    "Service de proximité piloté par territoire : écarts ou attentes traités dans {list}",
  "scenario.equityA":
    "Mêmes prix et mêmes engagements pour tous les territoires ; écarts locaux non ciblés",
  "scenario.equityC": "Conditions communes de l'accord-cadre, adaptées par lot",
  "scenario.equityTarget":
    "Cible {population, intPlain} habitants des territoires en écart ou en attente",
  "scenario.equityB": "Moyens répartis par territoire ; risque d'écarts de prix entre territoires",
  "scenario.equityBTarget":
    "Cible {population, intPlain} habitants des territoires en écart ou en attente ; risque d'écarts de prix entre territoires",
  "scenario.legalFormalised":
    "Valeur annuelle {value, eurPlain} ≥ seuil européen {eu, eurPlain} : procédure formalisée (appel d'offres)",
  "scenario.legalPublicity":
    "Valeur annuelle {value, eurPlain} < seuil européen {eu, eurPlain} : procédure adaptée, publicité BOAMP ou JAL (≥ {publicity, eurPlain})",
  "scenario.legalAdapted": "Valeur annuelle {value, eurPlain} : procédure adaptée",
  "scenario.legalWholeNeed": "la valeur estimée couvre toute la durée et tous les lots (R2121-1)",
  "scenario.legalLots":
    "{lots} lots géographiques (allotissement, L2113-10) : ils facilitent l'accès des PME, sans préférence locale (égalité de traitement, L3)",
  "scenario.legalSmallLots":
    "{n} {n, plural, one {petit lot} other {petits lots}} (< {limit, eurPlain}, ≤ {share} % du total) en procédure adaptée possible (R2123-1 2°)",
  "scenario.legalSingle": "un seul marché ; l'allotissement reste la règle sauf motif (L2113-10)",
  "scenario.legalFramework":
    "Accord-cadre mutualisé (groupement de commandes L2113-6 ou centrale d'achat)",
  "scenario.reasonTe4": "Recommandation TE4 : {te4}",
  "scenario.reasonNoTe4": "Pas de recommandation TE4 ; famille achetée sur {n} territoires",
  "scenario.reasonNoCursor":
    "Pas de curseur recommandé : une seule unité d'achat, ni famille de proximité à offre locale forte",
  "scenario.reasonGaps": "Écarts de qualité (sous la cible) : {list}",
  "scenario.reasonPriorities":
    "Attentes prioritaires (importance forte, satisfaction faible) : {list}",
  "scenario.reasonToMixed":
    "Mutualiser en gardant un lot par territoire pour traiter ces écarts : mixte",
  "scenario.reasonToTerritorial":
    "Écarts ou attentes dans au moins la moitié des territoires d'une famille de proximité : territorialiser",
  "scenario.reasonCursor": "Curseur recommandé : {cursor} · {label} — {cost}",
  "service.VOIRIE": "Voirie et éclairage public",
  "service.DECHETS": "Collecte des déchets",
  "service.ESPACES_VERTS": "Espaces verts",
  "service.PROPRETE": "Propreté et nettoyage",
  "service.RESTAURATION": "Restauration scolaire",
  "service.BATIMENTS": "Entretien des bâtiments",
  "service.ACCUEIL": "Accueil du public",
  "service.PETITE_ENFANCE": "Petite enfance",
  "service.MOBILITE": "Transport et mobilité",

  // Reference labels: names of the shipped special dispense thresholds (src/core/reference/values.ts)
  "specialThreshold.innovation": "achats innovants",
  "specialThreshold.books": "livres non scolaires",
  "specialThreshold.food2020": "denrées alimentaires (temporaire)",
  // Contracts-only analysis: awarded amounts (src/core/contracts-basis.ts, issue #11 §1)
  "basis.spend":
    "dépenses mandatées",
  "basis.awarded":
    "montants attribués",
  "basis.awardedTitle":
    "Analyse des marchés attribués",
  "basis.awardedNote":
    "Aucune ligne de dépense : les indicateurs sont calculés sur les montants attribués des marchés (registre ou DECP), pas sur les dépenses mandatées. Ajoutez l'export des mandats ou des factures pour les indicateurs de dépense.",
  "na.noAwardedInPeriod":
    "Aucun marché notifié sur la période {period} avec un montant attribué.",
  "na.noAwardedPreviousPeriod":
    "Aucun marché notifié avec un montant sur la même période de l'année précédente ({period}).",
  "na.tailNeedsSpendLines":
    "La longue traîne se mesure sur les petites dépenses (mandats, factures), que le registre des marchés ne donne pas : ajoutez l'export des mandats ou des factures.",
  "na.coverageNeedsSpendLines":
    "La part de la dépense sous marché se mesure sur les dépenses : ajoutez l'export des mandats ou des factures (avec le n° de marché) pour la calculer.",
  "na.spaserNeedsSpendLines":
    "Le seuil du SPASER porte sur les achats de l'année civile (dépenses), pas sur les montants attribués : ajoutez l'export des mandats ou des factures de l'année.",
  // CO6
  "na.co6.noPublishedDecp":
    "Aucune DECP publiée donnée en entrée : ajoutez le fichier des données essentielles publiées (DECP JSON ou XML, tel que publié sur le profil d'acheteur ou sur data.gouv.fr) pour vérifier la publication des marchés du registre (art. R2196-1 du code de la commande publique).",
  "na.co6.noContractDue":
    "Aucun marché de {threshold, eur} HT ou plus notifié sur la période {period} : aucune donnée essentielle à publier.",
  "co6.notFound":
    "Marché de {amount, eur2} HT notifié le {date}, introuvable dans les DECP publiées : publiez ses données essentielles sur le profil d'acheteur (art. R2196-1).",
  "co6.late":
    "Données essentielles publiées le {published}, {days, plural, one {# jour} other {# jours}} après la limite du {limit} (deux mois après la notification, art. R2196-1).",
  "co6.undated":
    "Trouvé dans les DECP publiées, sans date de publication ou de notification : le délai de deux mois ne peut pas être vérifié ; renseignez les dates.",
  "co6.clear.notFound":
    "Publiez les données essentielles du marché, ou corrigez son numéro dans le registre s'il est publié sous un autre numéro.",
  "co6.clear.late":
    "Les données sont publiées : publiez celles des marchés suivants dans les deux mois de leur notification.",
  "co6.clear.undated":
    "Renseignez la date de notification du marché et la date de publication de ses données essentielles.",
  // Spend lines: filler amounts set aside (src/core/intake/spend.ts)
  "setAside.spendPlaceholder":
    "Montants de remplissage sur des lignes de dépense (999 999 999 €, suite de 9…) : mis de côté, la ligne est analysée à 0 €.",
  "anomaly.spendAmountPlaceholder":
    "Le montant {amount, eur2} est un montant de remplissage (une suite de 9, comme 999 999 999 €) : il est mis de côté et la ligne est analysée à 0 €. Renseignez le montant réel.",
  "na.territoriesNeedSpendLines":
    "Les territoires se comparent sur leurs dépenses : ajoutez l'export des mandats ou des factures avec la colonne territoire (ou entité) ; le registre des marchés ne dit pas quel territoire un marché sert.",

  // Pseudo-locale leftovers
  // Plan section 6 references (report/sheets/responsible-duties.ts)
  "plan.ref.ethicsCharter":
    "CCP art. L3 ; loi n° 2016-1691 (Sapin II) art. 3 ; recommandations AFA du 12 janvier 2021",
  "plan.ref.egalim2022": "{percent} % depuis le 1er janvier 2022 — code rural, art. L230-5-1",
  "plan.ref.egalimMeatFish":
    "{percent} % depuis le 1er janvier 2024 — code rural, art. L230-5-1 (loi n° 2021-1104)",
  // Compliance texts of the CO1–CO5 rows (src/core/indicators/splitting.ts, co/*.ts): the pieces
  // of the alert texts, and the values the Conformité sheet shows (severity, grouping, pattern…)
  "compliance.parts": "{p0}{p1}{p2}{p3}",
  "compliance.natureUnknown": "Non renseignée",
  "compliance.natureSuppliesServices": "Fournitures / Services",
  "CO1.subjectOperation": "l'opération de travaux « {operation} »",
  "CO1.subjectFamily": "la famille {family}",
  "CO1.thresholdName": "seuil de dispense",
  "CO1.thresholdNameWorks": "seuil de dispense travaux",
  "CO1.thresholdNameSpecial": "seuil de dispense {label} ({rule})",
  "CO1.needOperation": "d'une même opération de travaux",
  "CO1.needHomogeneous": "d'un besoin homogène",
  "CO1.severity.toCheck": "à vérifier",
  "CO1.severity.high": "élevée",
  "CO1.severity.veryHigh": "très élevée",
  "CO1.groupedBy.family": "famille",
  "CO1.groupedBy.operation": "opération",
  "CO1.exclusionWithNote": "{reason} — {note}",
  "CO1.status.worksWithoutOperation": "opération non renseignée — à vérifier",
  "CO2.bunching":
    "{upper} montants entre {low} % et 100 % du {thresholdName} de {threshold, eurExact} contre {lower} juste en dessous : vérifier que les besoins n'ont pas été ajustés pour rester sous le seuil.",
  "CO2.kind.dispense": "Seuil de dispense",
  "CO2.kind.publicity": "Seuil de publicité",
  "CO2.kind.eu": "Seuil européen",
  "CO2.kindInText.dispense": "seuil de dispense",
  "CO2.kindInText.publicity": "seuil de publicité",
  "CO2.kindInText.eu": "seuil européen",
  "CO2.threshold": "{name} ({nature}) {amount, eurExact}",
  "CO2.thresholdAllNatures": "{name} {amount, eurExact}",
  "CO2.nature.suppliesServices": "Fournitures et services",
  "CO2.nature.works": "Travaux",
  "CO2.source": "{legal} — {source}",
  "CO2.euThresholds": "Seuils européens",
  "law.publicity": "Art. R2131-12 CCP",
  "CO3.issue.mapa": "MAPA au-dessus du seuil européen",
  "CO3.issue.lot": "MAPA pour un lot d'une consultation au-dessus du seuil européen",
  "CO3.issue.directAward": "Sans publicité au-dessus du seuil européen",
  "CO3.euNoteNoNature": ", nature non renseignée : seuil fournitures et services",
  "CO3.utilitiesNote": " (entité adjudicatrice)",
  "CO3.basis.launch": "lancement",
  "CO3.basis.notification": "notification",
  "CO4.pattern.directAwards": "marchés sans publicité répétés",
  "CO4.pattern.offContract": "achats hors marché répétés",
  "CO4.directAwards":
    "{count} marchés passés sans publicité ni mise en concurrence avec {supplier} pour la famille {family} ({entity}, {years}) : vérifier que ces besoins n'auraient pas dû être regroupés et mis en concurrence.",
  "CO4.offContract":
    "{count} achats hors marché auprès de {supplier} pour la famille {family} en {year} ({entity}), cumulant {total, eurExact}, soit au moins {share} % du seuil de dispense ({threshold, eurExact} en vigueur au premier achat, le {thresholdDate}) : vérifier la récurrence du besoin et l'opportunité d'un marché.",
  "CO5.what.environmental":
    "considération environnementale (critère d'attribution ni condition d'exécution)",
  "CO5.what.criterion": "critère d'attribution environnemental",
  "CO5.what.clause": "condition d'exécution environnementale",
  "CO5.what.social": "considération sociale (marché au-dessus du seuil européen)",
  "CO5.status.absent": "absente",
  "CO5.status.notFilled": "non renseignée",
  "CO5.status.launchUnknown": "à vérifier (date de lancement inconnue)",

  // terr: the answer of the territorial analysis (src/core/territories/answer.ts), shown at the top
  // of the Territoires sheet and in the plan's Organisation territoriale section
  "terr.answerTitle":
    "En bref : que mutualiser, que rapprocher des territoires, pour quel coût et quel gain",
  "terr.answerPool":
    "À mutualiser (un marché ou un groupement pour tout le périmètre) : {list} — économies {low, eurPlain} à {high, eurPlain} (central {central, eurPlain}).",
  "terr.answerMixed":
    "À mutualiser avec un lot par territoire (accord-cadre mixte) : {list} — économies {low, eurPlain} à {high, eurPlain} (central {central, eurPlain}){served}.",
  "terr.answerCloser":
    "À rapprocher des territoires (lots géographiques ou achats par territoire) : {list} — surcoût estimé {extra, eurPlain} (perte d'effet volume), pour un service de proximité piloté par territoire{served}.",
  "terr.answerServed":
    " ; les lots traitent les écarts ou attentes de {list} ({population, intPlain} habitants)",
  "terr.answerNone": "Sans orientation : {list} (raisons dans le tableau des scénarios).",
  "terr.answerNothing": "Aucune famille à orienter sur la période.",
  "terr.answerUnderServed":
    "Territoires sous-desservis (qualité de service sous la cible) : {list} ; dépense par habitant de tout le périmètre : {all}",
  "terr.answerUnderServedItem": "{territory} ({services} ; {perInhabitant})",
  "terr.answerNoUnderServed":
    "Aucun territoire sous-desservi : toutes les mesures de qualité de service atteignent leur cible, à la tolérance près.",
  "terr.answerNoQuality":
    "Pas de table Qualité de service : les écarts de service entre territoires ne sont pas mesurés.",
  "terr.answerSource":
    "Orientation : le choix saisi dans le Plan stratégique (Organisation territoriale), sinon le curseur recommandé. Chiffres : taux des scénarios (feuille Paramètres) appliqués à la dépense HT de la période.",
  "terr.signed": "{sign}{value, eurPlain}",
  "terr.range": "{low} à {high}",
  "terr.sourceChoice": "{scenario} (choix du plan)",
  "terr.sourceCursor": "{scenario} (recommandé)",
  "terr.noPerInhabitant": "population inconnue",
  "terr.hOrientation": "Orientation",
  "terr.hEffect": "Économie (+) ou surcoût (−), central",
  "terr.hRange": "Fourchette (bas à haut)",
  "terr.hPopulation": "Habitants ciblés",
  "terr.hServed": "Territoires ciblés (écarts, attentes)",
  "terr.hGives": "Ce que ça donne (service)",
  "terr.hLots": "Lots",
  "terr.s7Territorial":
    "Mutualisation entre les territoires d'une même collectivité (pôles, secteurs) : {n} {n, plural, one {famille} other {familles}} à mutualiser, dont {mixed} avec un lot par territoire, d'après le scénario retenu ou, à défaut, recommandé (section Organisation territoriale).",
  "terr.planChoiceEffect": "Choix retenu : {scenario} — {cost}",
  // terr2: the balance of the orientations says only what applies (no « surcoût » without an
  // extra cost, no « économies » without savings, no range when low and high are equal)
  "terr2.balance":
    "Bilan des orientations : solde {net} sur la période au scénario central{range}{parts}{population}.",
  "terr2.balanceRange": " (fourchette {low} à {high})",
  "terr2.balanceSavings": "économies {savings, eurPlain}",
  "terr2.balanceExtra": "surcoût {extra, eurPlain}",
  "terr2.balanceParts": " — {first}",
  "terr2.balanceBoth": " — {first}, {second}",
  // terr2: the separator of a list of sentences in one cell (TE4 reasons, scenario impacts)
  "list.separator": " ; ",
  "terr2.allTerritories": "tous ({n})",
  "terr2.balancePopulation":
    " ; {population, intPlain} habitants des territoires en écart ou en attente ciblés",
  // law
  "CO1.splittingWithDirect":
    "Achats cumulés de {total, eurExact} en {year} ({entity}) pour {subject}, hors marché et sous un marché passé sans publicité ni mise en concurrence ({thresholdName} de {threshold, eurExact} en vigueur au premier achat, le {thresholdDate}{aboveNote}) : vérifier s'il s'agit {need} à mettre en concurrence.",
  "PF6.reasonPercent": "au moins {limit} % du montant initial",
  "PF6.reasonEu": "au moins le seuil européen",
  "PF6.status.beyond": "au-delà du seuil de modification de faible montant",
  "PF8.serviceUnknown": "Service non renseigné",
  "conformite.pf8MandateFromDate":
    "Date du mandat : la date de ligne ({columns}) est lue comme la date d'émission du mandat (aucune colonne « Date de transmission au comptable » associée) ; elle partage le délai global entre l'ordonnateur (réception → mandat) et le comptable (mandat → paiement), décret n° 2013-269, art. 12.",
  "procedure.subsequent":
    "Marché {ref} : marché subséquent d'un accord-cadre enregistré « {procedure} » ; il est attribué selon la procédure de l'accord-cadre (R2162-7 à R2162-12) : non compté comme signal.",
  "procedure.objectNames":
    "Marché {ref} : l'objet mentionne « {term} » alors que la procédure enregistrée est « {procedure} » : probable erreur de saisie, non comptée comme signal.",
  "law.subsequent": "Art. R2162-7 à R2162-12 CCP",
  "law.decpData": "Art. R2196-1 CCP (données essentielles)",
  "clear.procedureData":
    "Corrigez la procédure dans le registre ou dans les données essentielles publiées : celle suivie, ou celle de l'accord-cadre pour un marché subséquent.",
  "procedure.reasonSubsequent": "marché subséquent",
  "procedure.reasonObject": "l'objet nomme une autre procédure",
  "why.directAward":
    "Signal à vérifier : le marché peut relever d'une exception du code qui permet de le passer sans publicité ni mise en concurrence quel que soit son montant (urgence impérieuse, prestation que seul un opérateur peut fournir…, R2122-1 à R2122-11), ou son montant ou sa procédure être mal saisis.",
  "PF4.natureToSpecify":
    "Marché {ref} sans nature renseignée ({amount, eurExact}) : au-delà du seuil de dispense des fournitures et services ({low, eurExact}) mais sous celui des travaux ({high, eurExact}) — non compté tant que la nature n'est pas connue.",
  "clear.contractNature":
    "Renseignez la nature du marché dans le registre (colonne Nature ou code CPV : Travaux, Fournitures ou Services).",
  "why.latePayment":
    "Signal à vérifier : le délai court de la réception de la demande de paiement ; les données ne voient ni une date de réception mal saisie, ni une suspension du délai pour une demande incomplète.",
  "clear.latePayment":
    "Vérifiez la date de réception de la facture et une éventuelle suspension du délai ; sinon, les intérêts moratoires et l'indemnité forfaitaire de 40 € sont dus de plein droit (R2192-31 et D2192-35).",
  "clear.directAwardNeed":
    "Documentez que le marché sans publicité et les autres achats de la famille répondent à des besoins distincts, ou le fondement du marché (exception R2122-1 à R2122-11) ; rattachez les autres lignes au marché sous lequel elles ont été achetées.",
  // print
  "print.detailBelow":
    "Le détail ({n, int} {n, plural, one {ligne} other {lignes}}) est en bas de la feuille, section « {title} », hors de la zone imprimée.",
  "print.detailTitle": "{title} (détail, hors impression)",
  "print.suppliersPrinted":
    "Impression : les {n, int} premiers fournisseurs sur {N, int} ({share, pct} de la dépense) ; la liste complète est dans le tableau ci-dessous.",
  "print.historyView":
    "Indicateurs par période, pour la lecture et l'impression (périodes les plus récentes : {n, int})",
  "print.agecUnclassifiedTitle": "AGEC art. 58 · Lignes non classables (détail, hors impression)",
} as const;

export type MessageCode = keyof typeof FR;
