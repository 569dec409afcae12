/** Sheet names of the peer comparison (issue #15), spread into SHEET_NAMES (labels.ts). */
export const PEER_SHEET_NAMES = {
  comparaison: ["Comparaison", "Benchmark"],
  fiche: ["Fiche de comparaison", "Benchmark card"],
  obsCollectivites: ["Collectivités", "Local authorities"],
  obsDistributions: ["Distributions", "Distributions"],
  obsClassements: ["Classements", "Rankings"],
  obsTendances: ["Tendances", "Trends"],
} as const;
