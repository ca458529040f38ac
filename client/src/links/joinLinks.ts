/** The join page's query parameter naming the institution to choose for the phone. */
export const INSTITUTION_PARAM = 'institution';

export const joinUrl = (publicUrl: string, code: string) => `${publicUrl}/j/${code}`;

/** "riverside.example/j/ABC123" without the scheme: shorter to read off a projector. */
export const shortJoinUrl = (publicUrl: string, code: string) =>
  joinUrl(publicUrl, code).replace(/^https?:\/\//, '');

/** A table card's link: the join page with the card's institution already chosen. */
export const institutionJoinUrl = (publicUrl: string, code: string, institutionId: string) =>
  `${joinUrl(publicUrl, code)}?${new URLSearchParams({ [INSTITUTION_PARAM]: institutionId })}`;

/** The base as people type it: "riverside.example" or "192.168.1.20:3000". */
export const shortBase = (publicUrl: string) => publicUrl.replace(/^https?:\/\//, '');
