/**
 * A whole night for the chair's console: every kind of agenda item, a roll call of 15
 * institutions and an ask put to six power-holders, the longest the console must fit.
 */
export const HOLDERS = [
  'Cllr Smith',
  'Mayor Jones',
  'Dr Patel',
  'Chief Inspector Okafor',
  'Ms Lindqvist',
  'Mr Haddad',
];

export const NIGHT = {
  agenda: [
    {
      id: 'welcome',
      kind: 'welcome',
      title: 'Welcome from the co-chairs',
      minutes: 3,
      notes: 'Thank the hosts. Phones on silent.',
    },
    { id: 'rollcall', kind: 'rollCall', title: 'Roll call of institutions', minutes: 8 },
    {
      id: 'damp',
      kind: 'testimony',
      title: 'damp homes',
      speaker: 'Grace Mensah',
      minutes: 3,
      notes: 'Grace asked for a glass of water on the lectern.',
    },
    { id: 'song', kind: 'song', title: 'We shall not be moved', minutes: 2 },
    { id: 'ask', kind: 'ask', title: 'The housing ask', minutes: 12, ask: 'homes', responseSeconds: 60 },
    {
      id: 'response',
      kind: 'response',
      title: 'Responses on housing',
      minutes: 6,
      ask: 'homes',
      responseSeconds: 60,
    },
    {
      id: 'speech',
      kind: 'speech',
      title: 'Our campaign for the living wage',
      speaker: 'Amina Yusuf',
      minutes: 4,
    },
    { id: 'break', kind: 'break', title: 'One-to-ones in the room', minutes: 10 },
    { id: 'custom', kind: 'custom', title: 'Raffle for the youth club', minutes: 2 },
    { id: 'close', kind: 'close', title: 'Close and next steps', minutes: 5 },
  ],
  institutions: Array.from({ length: 15 }, (_, i) => ({
    id: `inst${i + 1}`,
    name: `${['St Mary’s Church', 'Riverside School', 'East London Mosque', 'Unite the Union', 'Holy Trinity'][i % 5]} ${Math.floor(i / 5) + 1}`,
    section: ['Stalls', 'Balcony', 'Gallery'][i % 3],
    committed: 10 + i * 3,
  })),
  powerHolders: HOLDERS.map((name, i) => ({
    id: `holder${i + 1}`,
    name,
    role: ['Councillor', 'Mayor', 'Chief Executive', 'Police', 'Director', 'Landlord'][i],
    organisation: 'Riverside',
  })),
  asks: [
    {
      id: 'homes',
      title: 'Homes',
      wording:
        'Will you each commit, tonight, to work with our alliance to build 500 genuinely affordable homes by 2028, with a named officer and a report back to this assembly within 100 days?',
      targets: HOLDERS.map((_, i) => `holder${i + 1}`),
    },
  ],
};
