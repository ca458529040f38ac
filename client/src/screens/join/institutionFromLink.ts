import type { Institution } from '../../../../shared/domain/assembly';

/** The query parameter a table card's QR carries: `/j/CODE?institution=<institution id>`. */
export const INSTITUTION_PARAM = 'institution';
const LONGEST_ID = 40;

/**
 * The institution a printed table card's link chose, if it is one of this assembly's. The
 * link is input from outside: anything else (missing, malformed, another assembly's, since
 * removed) chooses nothing and says nothing, and the person picks as usual.
 */
export function institutionFromLink(search: string, institutions: readonly Institution[]): string | null {
  let wanted: string | null;
  try {
    wanted = new URLSearchParams(search).get(INSTITUTION_PARAM);
  } catch {
    return null;
  }
  if (!wanted || wanted.length > LONGEST_ID) return null;
  return institutions.find((institution) => institution.id === wanted)?.id ?? null;
}
