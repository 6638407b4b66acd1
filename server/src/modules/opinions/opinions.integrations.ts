// Links to the suggestions and livelihood modules, through their index.ts exports only.
export { getSuggestionOutcome, raiseSuggestionFromOpinion } from '../suggestions';
export { submitProjectIdeaFromOpinion } from '../livelihood';
