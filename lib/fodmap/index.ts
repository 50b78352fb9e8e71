export { parseCsv } from './csv';
export { describeMaxPortion, describeServes, type ServesForText } from './describe';
export { type DoseIngredient, LOAD_EPS, maxPortionOf, portionFits, servingLoads } from './load';
export {
  type FodmapLevel,
  type FodmapRating,
  type FoodServes,
  foodLevel,
  type RatedIngredient,
  rateServing,
  type SubgroupRating,
} from './rating';
export {
  type CoverageReport,
  type CutoffRow,
  coverageOf,
  type MatchFile,
  matchFileSchema,
  parseServingTable,
  SERVING_COLUMNS,
  type ServingRow,
  type ServingTable,
  ServingTableError,
  SOURCE_TIERS,
  type SourceTier,
  servingRowSchema,
  TABLE_SUBGROUPS,
  tierOf,
} from './table';
export { applyServingRow, SERVING_DISCLAIMER, SUBGROUP_CODE, subgroupCodesOf } from './tags';
