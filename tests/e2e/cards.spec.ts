import { createAssembly, expect, test } from './fixtures';

// Commitment cards at the close, through real pages: the organiser sets the card, the chair
// opens it, a checked-in phone fills it (and corrects it), a steward enters a paper card, and
// the projector's tally counts both without a name.

const PHONE = { width: 360, height: 740 };
const SHOTS = process.env.CARDS_SHOTS;

const SETUP = {
  agenda: [
    { id: 'welcome', kind: 'welcome', title: 'Welcome', minutes: 5 },
    { id: 'close', kind: 'close', title: 'Close: your commitment cards', minutes: 5 },
  ],
  institutions: [
    { id: 'stmarys', name: "St Mary's Church", section: 'Stalls', committed: 20 },
    { id: 'mosque', name: 'East London Mosque', section: 'Balcony', committed: 30 },
  ],
};

test('a phone fills its card at the close, a steward a paper one, and the projector counts them', async ({
  openPage,
  request,
}) => {
  const assembly = await createAssembly(request, SETUP, 'Cards Assembly');
  const admin = await openPage({ width: 1280, height: 900 });
  await admin.goto(assembly.paths.admin);
  const section = admin.getByRole('region', { name: 'Commitment cards' });
  for (const [i, text] of [
    'Join the housing team',
    'Come to the follow-up',
    'Bring people next time',
  ].entries()) {
    await section.getByRole('button', { name: 'Add a commitment' }).click();
    await section.getByLabel('I will…').nth(i).fill(text);
  }
  await section.getByLabel('Date (optional)').nth(1).fill('2027-01-12');
  await section.getByLabel('Team or owner').first().fill('Housing team');
  await section.getByRole('checkbox', { name: 'Asks how many' }).nth(2).check();
  await section.getByRole('button', { name: 'Save the card' }).click();
  await expect(section.getByTestId('cards-admin-result')).toHaveText('The card is saved.');

  const phone = await openPage(PHONE);
  await phone.goto(assembly.paths.join);
  await phone.getByLabel('Your name').fill('Amara Okafor');
  await phone.getByLabel("St Mary's Church").check();
  await phone.getByRole('button', { name: 'Check in' }).click();
  await expect(phone.getByTestId('checked-in')).toBeVisible();
  await expect(phone.getByTestId('card-form')).toHaveCount(0);

  const chair = await openPage({ width: 1366, height: 768 });
  const screen = await openPage({ width: 1920, height: 1080 });
  await chair.goto(assembly.paths.chair);
  await screen.goto(assembly.paths.screen);
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('Welcome');
  await chair.getByRole('button', { name: 'Next →' }).click();
  await expect(chair.getByTestId('chair-item-title')).toHaveText('Close: your commitment cards');
  const control = chair.getByTestId('cards-control');
  await control.getByRole('button', { name: 'Open the cards on phones' }).click();
  await control.getByRole('button', { name: 'Show the tally on the screen' }).click();
  await expect(screen.getByTestId('scene-cards')).toContainText('Fill in your card on your phone now');

  // The phone's card: two ticks and a number, then a change of mind.
  const card = phone.getByTestId('card-form');
  await expect(card).toBeVisible();
  await card.getByRole('checkbox', { name: /Join the housing team/ }).check();
  await card.getByRole('checkbox', { name: /Bring people next time/ }).check();
  await card.getByLabel(/How many/).fill('3');
  await card.getByRole('button', { name: 'Send my card' }).click();
  await expect(phone.getByTestId('card-sent')).toContainText('Thank you: your card is in.');
  await expect(phone.getByTestId('card-sent')).toContainText('Bring people next time: 3');
  const row = (option: string) => screen.locator(`[data-testid="cards-tally-row"][data-option="${option}"]`);
  await expect(row('c1')).toContainText('1 person will join the housing team');
  await expect(row('c3')).toContainText('3 promised on 1 card: bring people next time');
  if (SHOTS) await phone.screenshot({ path: `${SHOTS}/cards-phone.png`, fullPage: true });
  await phone.getByRole('button', { name: 'Change my card' }).click();
  await phone.getByRole('checkbox', { name: /Come to the follow-up/ }).check();
  await phone.getByRole('button', { name: 'Send my changes' }).click();
  await expect(phone.getByTestId('card-sent')).toContainText('Come to the follow-up');
  await expect(row('c2')).toContainText('1 person will come to the follow-up');
  await expect(row('c1')).toContainText('1 person will');

  // A paper card at the door.
  const door = await openPage(PHONE);
  await door.goto(assembly.paths.door);
  await door.getByRole('tab', { name: 'Cards' }).click();
  const paper = door.getByRole('tabpanel', { name: 'Cards' });
  await paper.getByLabel('Name on the card').fill('Paper Pat');
  await paper.getByLabel('Institution').selectOption({ label: 'East London Mosque' });
  await paper.getByRole('checkbox', { name: /Join the housing team/ }).check();
  await paper.getByRole('button', { name: 'Enter card' }).click();
  await expect(door.getByTestId('paper-card-result')).toContainText('Paper Pat’s card is in.');
  await expect(row('c1')).toContainText('2 people will join the housing team');
  await expect(screen.getByTestId('scene-cards')).not.toContainText('Paper Pat');
  await expect(screen.getByTestId('scene-cards')).not.toContainText('Amara');
  if (SHOTS) {
    await screen.screenshot({ path: `${SHOTS}/cards-projector.png` });
    await door.screenshot({ path: `${SHOTS}/cards-door.png`, fullPage: true });
    await chair.screenshot({ path: `${SHOTS}/cards-chair.png` });
  }

  // The organiser sees the tally, and the option ticked keeps its wording.
  await expect(section.getByTestId('cards-so-far')).toContainText('2 Join the housing team');
  await expect(section.getByLabel('I will…').first()).toHaveAttribute('readonly', '');
  if (SHOTS) await section.screenshot({ path: `${SHOTS}/cards-admin.png` });

  // Closing the card takes it off phones.
  await control.getByRole('button', { name: 'Close the cards' }).click();
  await expect(phone.getByTestId('card-sent')).toHaveCount(0);
});
