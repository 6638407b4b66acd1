// Other modules' tables, for module tests that build fixtures or check rows across modules: a module's test
// imports its own module's files and, for anything of another module's, this harness file (the boundary rule
// in eslint.boundaries.js keeps module code, tests included, out of other modules' internals).
export {
  committeeMembers,
  deputies,
  handlingUnits,
  jurisdictions,
  liaisonPlaceDeputies,
  liaisonPlaces,
  mandates,
  sittings,
  terms,
  workingCommittees,
} from '../src/modules/registry/registry.table';
export { opinions, receptionDeputies, receptions } from '../src/modules/opinions/opinions.table';
export { suggestionCosigners, suggestions } from '../src/modules/suggestions/suggestions.table';
export { meetingMembers, meetings } from '../src/modules/meetings/meetings.table';
export {
  livelihoodCandidates,
  livelihoodIdeas,
  livelihoodProjects,
} from '../src/modules/livelihood/livelihood.table';
