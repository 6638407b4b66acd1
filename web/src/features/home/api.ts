// The home feature's endpoints (the public portal and the workbench): the one place of this feature that
// knows their URLs. Pages read them through useResource / usePagedList with these path builders; the
// names are the server's operationIds.
import { qs } from '../../api';

export const paths = {
  getPublicCongress: () => '/public/congress',
  /** The district's streets (a signed-in reader's list; the public one comes with the congress). */
  findStreets: () => '/jurisdictions?level=street',
  findPublicElectoralDistricts: (streetId: string) => `/public/electoral-districts${qs({ streetId })}`,
  /** Paged: `usePagedList(paths.findPublicDeputies(), { streetId, electoralDistrictId, q })`. */
  findPublicDeputies: () => '/public/deputies',
  findPublicLiaisonPlaces: (query: { streetId?: string; kind?: string }) =>
    `/public/liaison-places${qs({ streetId: query.streetId, kind: query.kind })}`,
  getWorkbench: () => '/workbench',
};
