import type { Institution } from '../assembly';
import type { NightTurnout } from './nightTurnout';

/** One institution's turnout against what it committed to bring. */
export interface InstitutionTurnout {
  institutionId: string;
  name: string;
  committed: number;
  counted: number;
  /** counted − committed: positive when it brought more than promised. */
  difference: number;
  met: boolean;
  /** counted / committed (null when nothing was committed). */
  share: number | null;
}

export interface TurnoutAgainstCommitment {
  institutions: InstitutionTurnout[];
  committed: number;
  counted: number;
  guests: number;
  met: number;
  short: number;
}

/**
 * Every institution's turnout against its commitment, those who delivered first (the most
 * over their promise at the top), then the shortest last, so the team sees at once who did.
 */
export function turnoutAgainstCommitment(
  { counted: checkIns }: NightTurnout,
  setup: readonly Institution[],
): TurnoutAgainstCommitment {
  const byInstitution = new Map<string, number>();
  let guests = 0;
  for (const checkIn of checkIns) {
    if (checkIn.institutionId === null) guests++;
    else byInstitution.set(checkIn.institutionId, (byInstitution.get(checkIn.institutionId) ?? 0) + 1);
  }
  const institutions = setup.map((institution): InstitutionTurnout => {
    const counted = byInstitution.get(institution.id) ?? 0;
    const { committed } = institution;
    return {
      institutionId: institution.id,
      name: institution.name,
      committed,
      counted,
      difference: counted - committed,
      met: counted >= committed,
      share: committed > 0 ? counted / committed : null,
    };
  });
  institutions.sort(
    (a, b) =>
      Number(b.met) - Number(a.met) ||
      (a.met ? b.difference - a.difference : (b.share ?? 0) - (a.share ?? 0)) ||
      a.name.localeCompare(b.name),
  );
  return {
    institutions,
    committed: institutions.reduce((sum, i) => sum + i.committed, 0),
    counted: institutions.reduce((sum, i) => sum + i.counted, 0),
    guests,
    met: institutions.filter((i) => i.met).length,
    short: institutions.filter((i) => !i.met).length,
  };
}
