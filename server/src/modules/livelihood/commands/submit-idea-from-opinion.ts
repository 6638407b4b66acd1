// An opinion in the "project idea" category becomes a public project idea for next year's solicitation,
// linked to the opinion (once per opinion). Runs in the transaction of the job that reacts to
// `opinion.submitted` (jobs/idea-from-opinion.ts).
import { shanghaiDate } from '@minyi/domain/calendar';
import type { Work } from '../../../platform/context';
import { submitIdea } from './submit-idea';

export async function submitProjectIdeaFromOpinion(
  w: Work,
  input: {
    congressId: string;
    title: string;
    content: string;
    streetId: string;
    opinionId: string;
    /** The id the opinion already links to. */
    ideaId?: string;
  },
): Promise<{ id: string }> {
  const year = Number(shanghaiDate(new Date()).slice(0, 4)) + 1;
  return submitIdea(
    w,
    input.congressId,
    {
      year,
      title: input.title.slice(0, 120),
      content: input.content.slice(0, 4000),
      streetId: input.streetId,
      estimatedCost: null,
      submitterName: '',
    },
    { source: 'opinion', opinionId: input.opinionId, ideaId: input.ideaId },
  );
}
