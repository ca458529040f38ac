// The core team's evaluation straight after the night: what worked, what to change, and
// ratings of the parts of the assembly. Several people's answers are kept in the record.

export const RATED_PARTS = ['turnout', 'testimonies', 'ask', 'chairing'] as const;
export type RatedPart = (typeof RATED_PARTS)[number];

export const RATED_PART_LABELS: Record<RatedPart, string> = {
  turnout: 'Turnout',
  testimonies: 'Testimonies',
  ask: 'The ask',
  chairing: 'The chairing',
};

/** 1 (poor) to 5 (excellent); null: this person did not rate it. */
export type Rating = 1 | 2 | 3 | 4 | 5;

export interface CoreTeamEvaluation {
  /** Made on the device, so a retried submit is kept once. */
  id: string;
  name: string;
  worked: string;
  change: string;
  ratings: Record<RatedPart, Rating | null>;
  at: number;
}

/** Each part's average rating over those who rated it (null: nobody did), and how many did. */
export function averageRatings(
  evaluations: readonly CoreTeamEvaluation[],
): Record<RatedPart, { average: number | null; rated: number }> {
  const result = {} as Record<RatedPart, { average: number | null; rated: number }>;
  for (const part of RATED_PARTS) {
    const given = evaluations.map((e) => e.ratings[part]).filter((r): r is Rating => r !== null);
    result[part] = {
      average: given.length === 0 ? null : given.reduce((sum, r) => sum + r, 0) / given.length,
      rated: given.length,
    };
  }
  return result;
}
