// The Dutch catalog is the default language and the type every other catalog must match, so a
// missing string is a compile error, not an English word on a Flemish page. Only this catalog is
// in the main bundle; the others are chunks of their own, loaded when a page asks for them.

export const nl = {
  heading: 'Uw feedback',
  question: 'Hoe tevreden bent u over deze dienst?',
  ratings: ['Zeer ontevreden', 'Ontevreden', 'Neutraal', 'Tevreden', 'Zeer tevreden'],
  send: 'Versturen',
  /** Spoken before an error message, which is otherwise marked by colour only. */
  error: 'Fout:',
  chooseRating: 'Kies hoe tevreden u bent.',
  rated: 'Bedankt voor uw beoordeling.',
  comment: 'Wat kunnen we verbeteren?',
  hint: 'Niet verplicht. Vermeld geen persoonsgegevens zoals uw naam, rijksregisternummer, adres, telefoonnummer of e-mailadres.',
  /** What stays on the device, and how long: said beside the comment, which is what is kept. */
  kept: 'Lukt het versturen niet, dan bewaren we uw antwoord tot 7 dagen in deze browser en versturen we het later.',
  /** Followed by the number, formatted for the language (no plural forms to get wrong). */
  left: 'Tekens over:',
  over: 'Tekens te veel:',
  tooLong: 'Maak uw opmerking korter.',
  privacy: 'Privacyverklaring',
  thanks: 'Bedankt voor uw feedback',
  sending: 'Versturen…',
  queued: 'Nog niet verstuurd: uw antwoord is op dit toestel bewaard en wordt later verstuurd.',
  /** The second step's button, named for what it sends. */
  sendComment: 'Opmerking versturen',
  /** Legend of the optional reasons (their labels come from the collector). */
  reasons: 'Wat liep er mis?',
  /** The promise, said before sending and again on a thank-you after a bad experience. */
  promise: 'Uw feedback is anoniem en u krijgt er geen antwoord op.',
  /** Followed by the help link: `line` for the info line 1700, else `contact`. */
  help: 'Hulp nodig? Neem contact op met',
  line: 'de gratis infolijn 1700',
  contact: 'het contactpunt van deze dienst',
  /** A refusal that asking again cannot change; followed by the help link. */
  failed: 'Uw feedback kon niet worden verstuurd. U kunt ons bereiken via',
};

export type Messages = typeof nl;
