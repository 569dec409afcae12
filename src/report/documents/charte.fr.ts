/**
 * Charte de déontologie de l'achat public (issue #14): the text, in plain French, written from the
 * code de la commande publique, the code général de la fonction publique, the loi Sapin II and the
 * public guides (DAJ de Bercy, recommandations de l'Agence française anticorruption du 12 janvier
 * 2021, guide de l'AFA sur la maîtrise du risque de corruption dans l'achat public). Each article
 * gives its legal basis. Fields the buyer must complete are "[à compléter : …]".
 */
import { field, pctText, type DocumentFacts, type PolicyDocument } from "./facts";

export function charteDeontologie(f: DocumentFacts): PolicyDocument {
  const buyer = f.buyer ?? field("nom de la collectivité");
  const several =
    f.buyers.length > 1
      ? ` Les achats analysés relèvent de ${f.buyers.length} acheteurs (${f.buyers.slice(0, 5).join(", ")}${f.buyers.length > 5 ? "…" : ""}) : chacun adopte la charte par son propre organe délibérant, ou l'ensemble par une délibération commune lorsque les achats sont mutualisés.`
      : "";
  return {
    title: `Charte de déontologie de l'achat public — ${buyer}`,
    intro: [
      `Projet à adapter puis à adopter par ${field("organe : conseil municipal, conseil communautaire, comité syndical…")}, le ${field("date de la délibération")}.${several}`,
      f.spend
        ? `Sur la période ${f.periodLabel}, les achats analysés représentent ${f.spend} HT : cette charte s'applique à chacun d'eux, quel que soit son montant.`
        : `Cette charte s'applique à chaque achat, quel que soit son montant.`,
      "Elle s'adresse aux élus, aux agents et à toute personne qui prépare, passe, exécute ou contrôle un contrat de la commande publique pour le compte de la collectivité (membres de la commission d'appel d'offres, assistants à maîtrise d'ouvrage, experts). Elle rappelle des règles qui s'imposent déjà à eux et précise la façon de les appliquer ici.",
    ],
    articles: [
      {
        title: "Article 1 — Les principes de la commande publique",
        paragraphs: [
          "Chaque achat respecte trois principes : la liberté d'accès de toute entreprise à la commande publique, l'égalité de traitement des candidats et la transparence des procédures. Ils valent pour tous les achats, y compris ceux passés sans publicité ni mise en concurrence.",
          "Ces principes servent l'efficacité de la commande publique et le bon emploi de l'argent public : le besoin est défini avant de consulter, avec précision et en tenant compte des objectifs de développement durable, puis l'offre retenue est l'offre économiquement la plus avantageuse au regard de critères annoncés à l'avance.",
          `Tout achat est tracé : le besoin, les entreprises consultées, les offres reçues, le choix et ses motifs sont conservés dans le dossier de l'achat (${field("outil ou lieu d'archivage des dossiers")}).`,
        ],
        basis:
          "Code de la commande publique (CCP), art. L3 (principes) et L2111-1 (définition préalable du besoin, développement durable) ; art. L2152-7 (offre économiquement la plus avantageuse) ; Conseil constitutionnel, décision n° 2003-473 DC du 26 juin 2003 (valeur constitutionnelle des principes).",
      },
      {
        title: "Article 2 — Conflits d'intérêts : prévenir, déclarer, se retirer",
        paragraphs: [
          "Il y a conflit d'intérêts lorsqu'une personne qui participe à un achat, ou peut en influencer l'issue, a un intérêt personnel, direct ou indirect (financier, familial, amical, associatif, professionnel passé ou futur), qui pourrait mettre en doute son impartialité. L'apparence d'un tel intérêt suffit à poser un problème.",
          "Avant de participer à une procédure (définition du besoin, analyse des offres, négociation, commission, décision), chaque personne signe une déclaration d'absence de conflit d'intérêts au vu de la liste des candidats. Si un lien existe ou apparaît en cours de procédure, elle le signale par écrit à son supérieur hiérarchique ou, pour un élu, au maire ou au président, et se retire de toute étape de l'achat concerné (déport).",
          "Un élu intéressé à une affaire ne prend part ni au débat ni au vote de la délibération qui la concerne, et ne participe pas à la commission qui l'examine.",
          `Modèle de déclaration et registre des déports : ${field("service qui les conserve, modèle joint en annexe")}.`,
        ],
        basis:
          "Loi n° 2013-907 du 11 octobre 2013, art. 2 (définition, déport) ; code général de la fonction publique (CGFP), art. L121-4 et L121-5 ; CCP, art. L2141-10 (conflit d'intérêts dans une procédure) ; code général des collectivités territoriales (CGCT), art. L2131-11 (conseillers intéressés) ; code pénal, art. 432-12 (prise illégale d'intérêts).",
      },
      {
        title: "Article 3 — Cadeaux, invitations et avantages",
        paragraphs: [
          "Aucun cadeau, invitation, repas, voyage, prêt ou avantage n'est sollicité. Pendant la préparation ou le déroulement d'une procédure, aucun n'est accepté de la part d'un candidat, même de faible valeur.",
          `En dehors d'une procédure, seuls les objets promotionnels ou les marques de politesse d'une valeur inférieure à ${field("montant, par exemple 30 € par objet et 150 € par an et par fournisseur")} peuvent être acceptés ; ils sont déclarés au registre des cadeaux et invitations tenu par ${field("service")}. Au-delà, le cadeau est refusé ou rendu, avec un courrier d'explication.`,
          "Une invitation à un salon, une visite de site ou une formation n'est acceptée que si elle présente un intérêt pour le service, avec l'accord écrit du supérieur hiérarchique, et à condition que la collectivité prenne en charge les frais de déplacement et d'hébergement.",
        ],
        basis:
          "CGFP, art. L121-1 (dignité, impartialité, intégrité, probité) ; code pénal, art. 432-11 et 433-1 (corruption, trafic d'influence) ; Agence française anticorruption (AFA), recommandations publiées au Journal officiel du 12 janvier 2021 (politique cadeaux et invitations).",
      },
      {
        title: "Article 4 — Confidentialité",
        paragraphs: [
          "Les informations d'une procédure en cours ne sont communiquées à personne en dehors de celles qui en ont besoin : estimation du besoin, budget, liste et nombre des candidats, contenu des offres, analyse et classement. Elles ne sont jamais transmises à un candidat avant la décision.",
          "Après l'attribution, les documents deviennent communicables, sauf ce qui relève du secret des affaires des entreprises (procédés, prix détaillés, stratégie commerciale) : la communication est alors préparée avec le service juridique.",
          "Les documents de la procédure sont conservés de façon sûre (profil d'acheteur, dossiers partagés à accès limité) ; les offres ne circulent pas par messagerie personnelle.",
        ],
        basis:
          "CGFP, art. L121-6 (secret professionnel) et L121-7 (discrétion professionnelle) ; code des relations entre le public et l'administration, art. L311-6 (secret des affaires) ; code pénal, art. 226-13 et 432-14 (favoritisme).",
      },
      {
        title: "Article 5 — Relations avec les fournisseurs avant et pendant une procédure",
        paragraphs: [
          "Avant la procédure, la collectivité peut rencontrer des entreprises, consulter le marché ou réaliser un sourçage pour mieux définir son besoin. Ces échanges sont ouverts à plusieurs entreprises, font l'objet d'un compte rendu versé au dossier, et ne donnent à aucune d'elles un avantage : aucune information qu'elles n'auraient pas toutes ne leur est donnée, le cahier des charges n'est pas écrit à partir de l'offre de l'une d'entre elles.",
          "Pendant la procédure, les échanges passent par un seul canal, le profil d'acheteur. Une question d'un candidat et sa réponse sont portées à la connaissance de tous. Les négociations, quand la procédure les permet, se déroulent de la même façon avec chaque candidat admis à négocier et sont tracées.",
          "Pendant l'exécution, les demandes à l'entreprise (commandes, ordres de service, réclamations, avenants) sont écrites et conformes au contrat ; un avantage qui n'est pas prévu au contrat n'est ni demandé ni accepté.",
        ],
        basis:
          "CCP, art. L3 et R2111-1 (consultations et études préalables sans fausser la concurrence) ; guide de la Direction des affaires juridiques (DAJ) du ministère de l'Économie sur le sourçage ; AFA, guide pratique sur la maîtrise du risque de corruption dans le cycle de l'achat public.",
      },
      {
        title: "Article 6 — Séparation des tâches",
        paragraphs: [
          "Une même personne ne réalise pas seule toutes les étapes d'un achat. Au minimum, celui qui définit le besoin ou analyse les offres n'est pas celui qui signe seul la décision d'attribution, et celui qui constate le service fait n'est pas celui qui engage la dépense sans contrôle.",
          "L'ordonnateur (qui engage et ordonne la dépense) et le comptable public (qui la paie) sont des personnes distinctes ; le comptable contrôle la régularité de la dépense avant paiement.",
          `Organisation retenue dans la collectivité : ${field("qui définit le besoin, qui analyse les offres, qui attribue, qui certifie le service fait, selon les montants")}.`,
        ],
        basis:
          "Décret n° 2012-1246 du 7 novembre 2012 (gestion budgétaire et comptable publique), art. 9 (séparation de l'ordonnateur et du comptable) ; AFA, recommandations du 12 janvier 2021 (contrôles internes, gestion des risques).",
      },
      {
        title: "Article 7 — Référent déontologue et signalements",
        paragraphs: [
          `Tout agent peut consulter le référent déontologue pour un conseil sur l'application de cette charte : ${field("nom ou service et coordonnées du référent déontologue des agents")}. Les élus peuvent consulter le référent déontologue de l'élu local : ${field("nom et coordonnées")}.`,
          `Une personne qui a connaissance d'un manquement grave (corruption, favoritisme, conflit d'intérêts non déclaré) peut le signaler par la procédure interne de recueil des signalements (${field("adresse ou outil de signalement")}) ou auprès d'une autorité externe. Le lanceur d'alerte de bonne foi est protégé contre toute mesure de représailles ; son identité reste confidentielle.`,
        ],
        basis:
          "CGFP, art. L124-2 (référent déontologue des agents) ; CGCT, art. L1111-1-1 (charte de l'élu local) et décret n° 2022-1520 du 6 décembre 2022 (référent déontologue de l'élu local) ; loi n° 2016-1691 du 9 décembre 2016 (Sapin II), art. 6 à 8, modifiée par la loi n° 2022-401 du 21 mars 2022, et décret n° 2022-1284 du 3 octobre 2022 (procédure interne de signalement, obligatoire notamment pour les communes de plus de 10 000 habitants).",
      },
      {
        title: "Article 8 — Prévention de la corruption",
        paragraphs: [
          "La collectivité met en place un dispositif de prévention et de détection de la corruption proportionné à sa taille et à ses risques : engagement de l'exécutif, cartographie des risques liés aux achats, présente charte et formation des personnes concernées, contrôles, procédure de signalement, suivi des mesures prises.",
          "L'Agence française anticorruption peut contrôler la qualité et l'efficacité de ce dispositif. Les obligations de programme de conformité de l'article 17 de la loi Sapin II visent les grandes entreprises, pas les collectivités : pour elles, le cadre de référence est celui des recommandations de l'AFA.",
          `Responsable du dispositif : ${field("élu ou agent désigné")} ; revue de la cartographie des risques : ${field("périodicité, par exemple chaque année")}.`,
        ],
        basis:
          "Loi n° 2016-1691 du 9 décembre 2016 (Sapin II), art. 1er et 3 (missions de l'AFA, contrôle des collectivités) ; AFA, recommandations publiées au Journal officiel du 12 janvier 2021.",
      },
      {
        title: "Article 9 — Sanctions",
        paragraphs: [
          "Le non-respect de cette charte peut constituer une faute disciplinaire pour un agent. Il peut aussi constituer une infraction pénale, pour un agent comme pour un élu : favoritisme (avantage injustifié donné à une entreprise), prise illégale d'intérêts, corruption ou trafic d'influence, détournement de fonds publics.",
          "Une irrégularité grave dans l'exécution des dépenses peut engager la responsabilité financière des gestionnaires publics devant la Cour des comptes. Un contrat conclu en méconnaissance des règles peut être annulé par le juge.",
        ],
        basis:
          "CGFP, art. L530-1 (faute disciplinaire) ; code pénal, art. 432-11 (corruption passive), 432-12 (prise illégale d'intérêts), 432-14 (favoritisme), 432-15 (détournement) ; ordonnance n° 2022-408 du 23 mars 2022 (responsabilité financière des gestionnaires publics).",
      },
      {
        title: "Article 10 — Diffusion, formation et révision",
        paragraphs: [
          "La charte est remise à chaque élu et agent concerné, qui atteste l'avoir lue ; elle est annexée au guide interne des achats et publiée sur l'intranet. Les personnes qui achètent suivent une formation à la déontologie de l'achat public à leur arrivée puis régulièrement.",
          `Elle est revue ${field("périodicité, par exemple tous les deux ans")} et à chaque évolution importante des règles ; sa mise en œuvre fait l'objet d'un bilan présenté à ${field("organe")}.`,
        ],
        basis:
          "AFA, recommandations du 12 janvier 2021 (diffusion du code de conduite, formation) ; CCP, art. L2111-3 (schéma de promotion des achats socialement et écologiquement responsables, le cas échéant).",
      },
    ],
    closing: [
      `Adoptée par ${field("organe")} le ${field("date")}, délibération n° ${field("numéro")}.`,
      `Signature : ${field("nom et qualité du signataire")}.`,
    ],
  };
}

/** Responsible-purchasing figures quoted in the charter's notes (when known). */
export function charteFigures(f: DocumentFacts): string[] {
  const out: string[] = [];
  if (f.environmentalShare !== null)
    out.push(`marchés avec une considération environnementale : ${pctText(f.environmentalShare)}`);
  if (f.socialShare !== null)
    out.push(`marchés avec une considération sociale : ${pctText(f.socialShare)}`);
  return out;
}
