export { inflammationForTags, tagAllFoods, tagFood } from './engine';
export { IMPLICATIONS, type Implication, type TagKey } from './implications';
export { readableFoodName } from './readable-name';
export {
  type InflammationOverride,
  type InflammationRule,
  parseTagRules,
  type TagOverride,
  type TagRef,
  type TagRule,
  type TagRules,
  TagRulesError,
} from './schema';
