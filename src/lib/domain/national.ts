/** National reference figures set beside the local ones (metrics.md d.). */

/** Aedes, 2016: judgments for rent arrears and the evictions that followed, nationally. */
export const AEDES = { jaar: 2016, vonnissen: 18_500, ontruimingen: 4_800 } as const;

/** Share of the Aedes judgments not executed: 1 − 4.800 / 18.500 ≈ 74%. */
export const AEDES_AANDEEL_NIET_UITGEVOERD = 1 - AEDES.ontruimingen / AEDES.vonnissen;
