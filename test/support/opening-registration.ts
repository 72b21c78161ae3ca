/**
 * The value of a filled-in registration form (`opening.register`) as a card sends it, every field a
 * string: an ordinary opening with one seat unless `fields` says otherwise. The CVR number is valid.
 */
export function openingRegistration(
  companyName: string,
  fields: Readonly<Record<string, string>> = {},
): Record<string, unknown> {
  return {
    verb: 'opening.register',
    companyName,
    cvr: '10150817',
    sector: 'industri',
    result: 'ordinaer_aabning',
    jobFunction: 'Smed',
    seats: '1',
    filled: '0',
    ...fields,
  };
}
