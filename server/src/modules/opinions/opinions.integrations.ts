// Links to the suggestions module, through its index.ts exports only (the livelihood module reacts to this
// module's events instead: opinions.events.ts).
export { getSuggestionOutcome, raiseSuggestionFromOpinion } from '../suggestions';
