import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../http/body.ts';
import { redactPagePath, redactPersonalData } from './redaction.ts';

// Every number below is either a public test value (card networks' test numbers, the IBAN
// registry's examples) or made up so that it passes its checksum; none belongs to anyone.

/** A rijksregisternummer for someone born from 2000, computed from the rule itself. */
function nationalNumberBornFrom2000(birthDate: string, serial: string): string {
  const base = Number(birthDate + serial);
  const check = 97 - ((2_000_000_000 + base) % 97);
  return `${birthDate}${serial}${String(check).padStart(2, '0')}`;
}

/** [comment, what is stored, how many items were replaced] */
const CORPUS: ReadonlyArray<readonly [string, string, number]> = [
  // Dutch
  [
    'mijn rijksregisternummer is 85.07.30-033.28, bel me op 0470 12 34 56',
    'mijn rijksregisternummer is [rijksregisternummer], bel me op [telefoonnummer]',
    2,
  ],
  [
    'Ik kon niet inloggen met itsme, mijn e-mail is jan.peeters@example.com',
    'Ik kon niet inloggen met itsme, mijn e-mail is [e-mail]',
    1,
  ],
  [
    'Het terugbetalen naar BE68 5390 0754 7034 duurde drie weken.',
    'Het terugbetalen naar [rekeningnummer] duurde drie weken.',
    1,
  ],
  [
    'Rijksregisternummer 850730-033-28 werd niet herkend in stap 2.',
    'Rijksregisternummer [rijksregisternummer] werd niet herkend in stap 2.',
    1,
  ],
  [
    'Graag contact via 02 123 45 67 tussen 9 en 17 uur.',
    'Graag contact via [telefoonnummer] tussen 9 en 17 uur.',
    1,
  ],
  [
    'Ons ondernemingsnummer 0123.456.749 staat verkeerd in het formulier.',
    'Ons ondernemingsnummer [ondernemingsnummer] staat verkeerd in het formulier.',
    1,
  ],
  [
    'Ik woon in de Koningsstraat 19 bus 3 en de brief kwam nooit aan.',
    'Ik woon in de [adres] en de brief kwam nooit aan.',
    1,
  ],
  [
    'Verhuisd naar Kerkstraat 5, 9000 Gent maar het adres werd niet aangepast.',
    'Verhuisd naar [adres] maar het adres werd niet aangepast.',
    1,
  ],
  [
    'Bel mij op 0470/12.34.56 of mail naar an.de.smet@telenet.be aub',
    'Bel mij op [telefoonnummer] of mail naar [e-mail] aub',
    2,
  ],
  [
    'Mijn dochter is geboren in 2003, haar nummer 03.05.17-123.76 wordt geweigerd.',
    'Mijn dochter is geboren in 2003, haar nummer [rijksregisternummer] wordt geweigerd.',
    1,
  ],
  [
    'Het formulier aanvaardt mijn bisnummer 85.27.30-033.71 niet.',
    'Het formulier aanvaardt mijn bisnummer [rijksregisternummer] niet.',
    1,
  ],
  [
    'Betaald met kaart 4111 1111 1111 1111 maar geen bevestiging gekregen.',
    'Betaald met kaart [kaartnummer] maar geen bevestiging gekregen.',
    1,
  ],
  [
    'Terugstorting graag op be68539007547034 (rekening van mijn man).',
    'Terugstorting graag op [rekeningnummer] (rekening van mijn man).',
    1,
  ],
  [
    'Mijn gsm is +32 470 12 34 56, mijn vaste lijn 09/123.45.67.',
    'Mijn gsm is [telefoonnummer], mijn vaste lijn [telefoonnummer].',
    2,
  ],
  [
    'BTW-nummer BE 0123 456 749 werd als ongeldig aangeduid.',
    'BTW-nummer [ondernemingsnummer] werd als ongeldig aangeduid.',
    1,
  ],
  [
    'Adres: Grote Markt 1, 2000 Antwerpen. Telefoon: 03 234 56 78.',
    'Adres: [adres]. Telefoon: [telefoonnummer].',
    2,
  ],
  [
    'Ik heb drie keer 0032470123456 ingegeven maar de sms kwam niet.',
    'Ik heb drie keer [telefoonnummer] ingegeven maar de sms kwam niet.',
    1,
  ],
  [
    'Lange wachttijd. Mijn INSZ: 85073003328. Dossier 2024-123456.',
    'Lange wachttijd. Mijn INSZ: [rijksregisternummer]. Dossier 2024-123456.',
    1,
  ],
  [
    'De Brusselsesteenweg 100 staat nog steeds als mijn adres.',
    'De [adres] staat nog steeds als mijn adres.',
    1,
  ],
  [
    'Stuur de documenten naar Frankrijklei 5 bus 12, 2000 Antwerpen.',
    'Stuur de documenten naar [adres].',
    1,
  ],
  [
    'Dossier 2024-123456: rrn 85073003328, gsm 0470123456, iban BE71 0961 2345 6769, mail a@b.be',
    'Dossier 2024-123456: rrn [rijksregisternummer], gsm [telefoonnummer], iban [rekeningnummer], mail [e-mail]',
    4,
  ],
  [
    'Na 3 pogingen met 85 07 30 033 28 gaf ik het op, 4 sterren voor de uitleg.',
    'Na 3 pogingen met [rijksregisternummer] gaf ik het op, 4 sterren voor de uitleg.',
    1,
  ],
  [
    'Ik wil betalen met € 1.250,00 van rekening BE68-5390-0754-7034.',
    'Ik wil betalen met € 1.250,00 van rekening [rekeningnummer].',
    1,
  ],
  // French
  [
    'Mon numéro national est 85073003328 et mon IBAN BE68 5390 0754 7034',
    'Mon numéro national est [rijksregisternummer] et mon IBAN [rekeningnummer]',
    2,
  ],
  [
    "J'habite Rue de la Loi 16, 1000 Bruxelles et je n'ai rien reçu.",
    "J'habite [adres] et je n'ai rien reçu.",
    1,
  ],
  [
    'Vous pouvez me joindre au 0470 12 34 56 ou par courriel : marie.dubois@skynet.be',
    'Vous pouvez me joindre au [telefoonnummer] ou par courriel : [e-mail]',
    2,
  ],
  [
    'Mon numéro de registre national 85.07.30 033 28 est refusé à chaque fois.',
    'Mon numéro de registre national [rijksregisternummer] est refusé à chaque fois.',
    1,
  ],
  [
    "Le remboursement sur FR14 2004 1010 0505 0001 3M02 606 n'est jamais arrivé.",
    "Le remboursement sur [rekeningnummer] n'est jamais arrivé.",
    1,
  ],
  [
    "Numéro d'entreprise BE0123456749, siège au 12, rue Neuve, 1000 Bruxelles.",
    "Numéro d'entreprise [ondernemingsnummer], siège au [adres].",
    2,
  ],
  ['Appelez-moi au +32 2 123 45 67 après 18h.', 'Appelez-moi au [telefoonnummer] après 18h.', 1],
  [
    'Ma carte 5500-0000-0000-0004 a été débitée deux fois.',
    'Ma carte [kaartnummer] a été débitée deux fois.',
    1,
  ],
  [
    'Je vis en France, appelez le +33 6 12 34 56 78 svp.',
    'Je vis en France, appelez le [telefoonnummer] svp.',
    1,
  ],
  [
    'Adresse : avenue Louise 54 bte 2, le courrier revient toujours.',
    'Adresse : [adres], le courrier revient toujours.',
    1,
  ],
  [
    'Chaussée de Waterloo 1234 : le formulaire refuse ce numéro de maison.',
    '[adres] : le formulaire refuse ce numéro de maison.',
    1,
  ],
  [
    "Mon compte luxembourgeois LU28 0019 4006 4475 0000 n'est pas accepté.",
    "Mon compte luxembourgeois [rekeningnummer] n'est pas accepté.",
    1,
  ],
  [
    'Mon fils a le numéro bis 85.47.30-033.xx, non : 85.47.30-033.17, et 3 enfants.',
    'Mon fils a le numéro bis 85.47.30-033.xx, non : [rijksregisternummer], et 3 enfants.',
    1,
  ],
  // English
  [
    'My national number is 85.07.30-033.28 and my phone +44 20 7946 0958.',
    'My national number is [rijksregisternummer] and my phone [telefoonnummer].',
    2,
  ],
  [
    'Please refund to NL91 ABNA 0417 1643 00, I moved to the Netherlands.',
    'Please refund to [rekeningnummer], I moved to the Netherlands.',
    1,
  ],
  [
    'Contact me at john.smith@example.co.uk or +31 6 12345678.',
    'Contact me at [e-mail] or [telefoonnummer].',
    2,
  ],
  [
    'I paid with 3782 822463 10005 and was charged twice.',
    'I paid with [kaartnummer] and was charged twice.',
    1,
  ],
  [
    'My German account DE89 3704 0044 0532 0130 00 is rejected.',
    'My German account [rekeningnummer] is rejected.',
    1,
  ],
  [
    'Card 4012888888881881 was refused, call 0470 123 456.',
    'Card [kaartnummer] was refused, call [telefoonnummer].',
    2,
  ],
  [
    'I live at Sint-Pietersnieuwstraat 33, 9000 Gent, the map shows the wrong place.',
    'I live at [adres], the map shows the wrong place.',
    1,
  ],
  [
    'The Bancontact card 6703 4444 4444 4444 1 failed at step 3.',
    'The Bancontact card [kaartnummer] failed at step 3.',
    1,
  ],
  [
    'E-mail MARIE@EXAMPLE.BE, phone +32 (0)9 123 45 67, company 0202.239.951.',
    'E-mail [e-mail], phone [telefoonnummer], company [ondernemingsnummer].',
    3,
  ],
  [
    'UK bank GB82 WEST 1234 5698 7654 32, card 4111-1111-1111-1111 2 times declined.',
    'UK bank [rekeningnummer], card [kaartnummer] 2 times declined.',
    2,
  ],
  // German
  [
    'Meine Adresse ist Hauptstraße 5, 4700 Eupen, Telefon 087 12 34 56.',
    'Meine Adresse ist [adres], Telefon [telefoonnummer].',
    2,
  ],
];

/** Numbers and words that look like personal data but carry the comment's meaning. */
const LOOK_ALIKES: readonly string[] = [
  'dossier 2024-123456 is nog niet behandeld',
  'aanvraag 85073003329 staat nog open', // the check should be 28
  'ik ben geboren op 30/07/1985 en diende mijn aanvraag in op 2024-03-15',
  'ik betaalde € 1.250,00 en daarna nog eens 1 250 euro',
  'afspraak om 14:30 in 9000 Gent',
  '15% korting, versie 2.3.1, sinds 2019',
  'stap 3 van 5 lukte niet',
  'de Kerkstraat was afgesloten door werken',
  'op straat 5 mensen die stonden te wachten',
  'ik was onderweg 5 minuten toen het scherm vastliep',
  'op 01/12/2024 2 keer gebeld zonder antwoord',
  'referentie 0123 456 789 werd niet gevonden', // KBO-shaped, wrong check, not a phone
  'ondernemingsnummer 0123.456.748 (verkeerd getypt)',
  'IBAN BE68 5390 0754 7035 (één cijfer fout)',
  'kaart 4111 1111 1111 1112 geweigerd', // Luhn fails
  'meer dan 1 000 000 euro subsidie',
  'open van 9u tot 17u, 5 dagen op 7',
  'versie 10.0.19045 van Windows',
  'ticket #123456789 en bestelnummer 4111111111',
  'Le dossier 2024/0012345 est toujours en attente depuis le 15.03.2024 à 9h30.',
  'The meeting took place on 3 May, 2 days late.',
  'J’ai attendu 45 minutes, la rue était fermée.',
  'Rating 4/5, the form took 12.5 minutes, about +5% slower than last year.',
];

/** Look-alikes with the separators and spaces that join digit groups now. */
const UNICODE_LOOK_ALIKES: readonly string[] = [
  'ik ben geboren op 30–07–1985 en diende mijn aanvraag in op 2024–03–15',
  'ik betaalde € 1\u2009250,00 en daarna nog eens 1\u00a0250 euro, samen € 2.500,00',
  'aanvraag 85  07  30  033  29 staat nog open', // the check should be 28
  'dossier 2024 – 123456 is nog niet behandeld',
  'de premies van 2023, 2024, 2025, 2026 zijn nog niet betaald', // Luhn-valid as a card
  'de schooljaren 2021/2022 2022/2023 liepen vlot', // Luhn-valid as a card
  'stap 3, 4, 5 en 6 lukten niet, 2 van de 3 keer',
  'om 9.30, 10.15 en 11.00 uur geprobeerd',
];

// ---------------------------------------------------------------------------------------------
// Unicode: digits of every script, any run of separators, format characters. Each table is one
// dimension; the tests below cross them, so a new script, separator or kind is one line.

/** Scripts by their digit zero. NFKC folds full-width and mathematical digits, not the others. */
const SCRIPTS: ReadonlyArray<readonly [string, string]> = [
  ['ASCII', '0'],
  ['full-width', '０'],
  ['Arabic-Indic', '٠'],
  ['Extended Arabic-Indic (Persian, Urdu)', '۰'],
  ['Devanagari', '०'],
  ['Bengali', '০'],
  ['Thai', '๐'],
  ['Mathematical bold (outside the BMP)', '𝟎'],
  ['Adlam (outside the BMP, not folded by NFKC)', '𞥐'],
];

/** Writes every ASCII digit of `text` in the script whose zero is `zero`. */
function inScript(text: string, zero: string): string {
  const base = zero.codePointAt(0) ?? 0x30;
  return text.replace(/[0-9]/g, (digit) => String.fromCodePoint(base + Number(digit)));
}

/** What people put between groups of digits. */
const SEPARATORS: ReadonlyArray<readonly [string, string]> = [
  ['space', ' '],
  ['two spaces', '  '],
  ['no-break space', '\u00a0'],
  ['thin space', '\u2009'],
  ['narrow no-break space', '\u202f'],
  ['ideographic space', '\u3000'],
  ['dot', '.'],
  ['hyphen', '-'],
  ['non-breaking hyphen', '\u2011'],
  ['en dash', '–'],
  ['em dash', '—'],
  ['spaced en dash', ' – '],
  ['minus sign', '−'],
  ['slash', '/'],
  ['comma', ','],
  ['comma and space', ', '],
  ['dot and space', '. '],
];

/** Invisible characters that may sit between any two characters; the ingest removes them. */
const FORMAT_CHARACTERS: ReadonlyArray<readonly [string, string]> = [
  ['zero-width space', '\u200b'],
  ['zero-width non-joiner', '\u200c'],
  ['zero-width joiner', '\u200d'],
  ['soft hyphen', '\u00ad'],
  ['word joiner', '\u2060'],
  ['byte order mark', '\ufeff'],
  ['left-to-right mark', '\u200e'],
];

/** [kind, groups as printed, placeholder, separators that do not join its groups] */
const KINDS: ReadonlyArray<readonly [string, readonly string[], string, readonly string[]]> = [
  ['rijksregisternummer', ['85', '07', '30', '033', '28'], '[rijksregisternummer]', []],
  ['rijksregisternummer from 2000', ['03', '05', '17', '123', '76'], '[rijksregisternummer]', []],
  ['bisnummer', ['85', '27', '30', '033', '71'], '[rijksregisternummer]', []],
  ['IBAN', ['BE68', '5390', '0754', '7034'], '[rekeningnummer]', []],
  ['foreign IBAN', ['DE89', '3704', '0044', '0532', '0130', '00'], '[rekeningnummer]', []],
  // A list of years passes Luhn one time in ten: commas and slashes never join a card's groups.
  ['card', ['4111', '1111', '1111', '1111'], '[kaartnummer]', [',', ', ', '/']],
  ['Amex card', ['3782', '822463', '10005'], '[kaartnummer]', [',', ', ', '/']],
  ['ondernemingsnummer', ['0123', '456', '749'], '[ondernemingsnummer]', []],
  ['mobile number', ['0470', '12', '34', '56'], '[telefoonnummer]', []],
  ['fixed number', ['02', '123', '45', '67'], '[telefoonnummer]', []],
  ['international number', ['+32', '470', '12', '34', '56'], '[telefoonnummer]', []],
];

/** [how it is written, the e-mail address] */
const EMAILS: ReadonlyArray<readonly [string, string]> = [
  ['a zero-width space before the @', 'jan\u200b@example.be'],
  ['a full-width @', 'jan＠example.be'],
  ['a soft hyphen in the domain', 'jan.peeters@exam\u00adple.be'],
  ['full-width letters', 'ｊａｎ@ｅｘａｍｐｌｅ.ｂｅ'],
  ['a small full stop', 'jan@example﹒be'],
];

const KINDS_IN_SCRIPTS = KINDS.flatMap(([kind, groups, placeholder, refused]) =>
  SCRIPTS.map(([script, zero]) => [kind, script, groups, zero, placeholder, refused] as const),
);

describe('redactPersonalData on Unicode text, after the ingest normalises it', () => {
  const stored = (comment: string) => redactPersonalData(cleanText(comment));
  const sentence = (item: string) => `mijn nummer: ${item} dank u`;

  it.each(KINDS_IN_SCRIPTS)(
    'redacts the %s in %s digits with any separator',
    (_kind, _script, groups, zero, placeholder, refused) => {
      for (const [name, separator] of SEPARATORS) {
        if (refused.includes(separator)) continue;
        const item = inScript(groups.join(separator), zero);
        const expected = { text: sentence(placeholder), redactions: 1 };
        expect(stored(sentence(item)), `${name}: ${JSON.stringify(item)}`).toEqual(expected);
        // The detectors do not need the normalisation for digits and separators.
        expect(redactPersonalData(sentence(item)), `${name}, not normalised`).toEqual(expected);
      }
    },
  );

  it.each(KINDS_IN_SCRIPTS)(
    'redacts the %s in %s digits with a format character between any two characters',
    (_kind, _script, groups, zero, placeholder) => {
      for (const [name, format] of FORMAT_CHARACTERS) {
        const item = [...inScript(groups.join(' '), zero)].join(format);
        expect(stored(sentence(item)), name).toEqual({
          text: sentence(placeholder),
          redactions: 1,
        });
      }
    },
  );

  it.each(EMAILS)('redacts an e-mail address written with %s', (_how, email) => {
    expect(stored(`mail ${email} aub`)).toEqual({ text: 'mail [e-mail] aub', redactions: 1 });
  });

  it.each(SCRIPTS)('redacts the whole corpus written in %s digits', (_script, zero) => {
    for (const [comment, text, redactions] of CORPUS) {
      expect(stored(inScript(comment, zero))).toEqual({
        text: cleanText(inScript(text, zero)),
        redactions,
      });
    }
  });

  it.each(SCRIPTS)('keeps every look-alike written in %s digits', (_script, zero) => {
    for (const lookAlike of [...LOOK_ALIKES, ...UNICODE_LOOK_ALIKES]) {
      const comment = inScript(lookAlike, zero);
      expect(stored(comment)).toEqual({ text: cleanText(comment), redactions: 0 });
    }
  });

  it('reads the digits of every decimal numbering system the runtime knows', () => {
    const systems = Intl.supportedValuesOf('numberingSystem').filter((system) =>
      /^\p{Nd}+$/u.test(new Intl.NumberFormat(`en-u-nu-${system}`).format(0)),
    );
    expect(systems.length).toBeGreaterThan(50);
    for (const system of systems) {
      const zero = new Intl.NumberFormat(`en-u-nu-${system}`).format(0);
      expect(redactPersonalData(inScript('INSZ 85.07.30-033.28', zero)).text, system).toBe(
        'INSZ [rijksregisternummer]',
      );
      // The value of each digit counts: the wrong check digit stays in every script.
      expect(redactPersonalData(inScript('INSZ 85.07.30-033.29', zero)).redactions, system).toBe(0);
    }
  });
});

describe('redactPersonalData', () => {
  it.each(CORPUS)('redacts %j', (comment, text, redactions) => {
    expect(redactPersonalData(comment)).toEqual({ text, redactions });
  });

  it.each(LOOK_ALIKES)('keeps %j as it is', (comment) => {
    expect(redactPersonalData(comment)).toEqual({ text: comment, redactions: 0 });
  });

  it('leaves an empty comment empty', () => {
    expect(redactPersonalData('')).toEqual({ text: '', redactions: 0 });
  });

  it('labels a valid rijksregisternummer as such, not as the phone number it starts like', () => {
    // Born 1 July 2004: "040701 123" alone would be a Liège number (04 + seven digits).
    const digits = nationalNumberBornFrom2000('040701', '123');
    const written = `${digits.slice(0, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}`;
    expect(redactPersonalData(`mijn zoon: ${written}`)).toEqual({
      text: 'mijn zoon: [rijksregisternummer]',
      redactions: 1,
    });
  });
});

describe('rijksregisternummer (INSZ) check', () => {
  const notations = (digits: string): string[] => {
    const [yy, mm, dd, serial, check] = [
      digits.slice(0, 2),
      digits.slice(2, 4),
      digits.slice(4, 6),
      digits.slice(6, 9),
      digits.slice(9),
    ];
    return [
      digits,
      `${yy}.${mm}.${dd}-${serial}.${check}`,
      `${yy}.${mm}.${dd} ${serial} ${check}`,
      `${yy}${mm}${dd}-${serial}-${check}`,
      `${yy}${mm}${dd} ${serial}${check}`,
      `${yy} ${mm} ${dd} ${serial} ${check}`,
    ];
  };

  it.each(notations('85073003328'))('accepts the notation %s', (written) => {
    expect(redactPersonalData(`nr ${written}.`)).toEqual({
      text: 'nr [rijksregisternummer].',
      redactions: 1,
    });
  });

  it('accepts exactly the check digits the rule gives, before 2000', () => {
    const accepted = Array.from({ length: 100 }, (_, check) =>
      String(check).padStart(2, '0'),
    ).filter((check) => redactPersonalData(`850730033${check}`).text === '[rijksregisternummer]');
    // 28 for a birth in 1985; 57 is what the same digits give with the rule for births from 2000.
    expect(accepted).toEqual(['28', '57']);
  });

  it('accepts a number of someone born from 2000, checked on 2 followed by the nine digits', () => {
    const computed = nationalNumberBornFrom2000('030517', '123');
    expect(computed).toBe('03051712376');
    expect(redactPersonalData(`INSZ ${computed}`).text).toBe('INSZ [rijksregisternummer]');
    // The same digits with the pre-2000 check (97 - 30517123 mod 97 = 47) describe a 1903 birth.
    expect(redactPersonalData('INSZ 03051712347').text).toBe('INSZ [rijksregisternummer]');
    expect(redactPersonalData('INSZ 03051712375')).toEqual({
      text: 'INSZ 03051712375',
      redactions: 0,
    });
  });

  it('accepts bis numbers (month + 20 or + 40) and unknown birth dates (month 00)', () => {
    const base = (digits: string) => 97 - (Number(digits) % 97);
    for (const nine of ['852730033', '854730033', '850000033']) {
      const number = `${nine}${String(base(nine)).padStart(2, '0')}`;
      expect(redactPersonalData(number).text).toBe('[rijksregisternummer]');
    }
  });

  it('refuses impossible months and days even with a matching check', () => {
    for (const nine of ['851330033', '856030033', '850732033']) {
      const check = 97 - (Number(nine) % 97);
      const number = `${nine}${String(check).padStart(2, '0')}`;
      expect(redactPersonalData(number)).toEqual({ text: number, redactions: 0 });
    }
  });

  it('finds any valid number in any notation inside a sentence', () => {
    const validNumber = fc
      .tuple(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 998 }),
        fc.boolean(),
      )
      .map(([year, month, day, serial, from2000]) => {
        const nine = [year, month, day].map((part) => String(part).padStart(2, '0')).join('');
        const digits = nine + String(serial).padStart(3, '0');
        const base = Number(digits) + (from2000 ? 2_000_000_000 : 0);
        return digits + String(97 - (base % 97)).padStart(2, '0');
      });
    fc.assert(
      fc.property(validNumber, fc.nat({ max: 5 }), (digits, notation) => {
        const written = notations(digits)[notation] ?? digits;
        expect(redactPersonalData(`mijn nummer is ${written}, dank u`)).toEqual({
          text: 'mijn nummer is [rijksregisternummer], dank u',
          redactions: 1,
        });
      }),
    );
  });
});

describe('IBAN, ondernemingsnummer and card checks', () => {
  it.each([
    'BE68 5390 0754 7034',
    'BE68539007547034',
    'NL91 ABNA 0417 1643 00',
    'FR14 2004 1010 0505 0001 3M02 606',
    'DE89 3704 0044 0532 0130 00',
    'LU28 0019 4006 4475 0000',
  ])('accepts the IBAN %s and refuses it with one digit changed', (iban) => {
    expect(redactPersonalData(`rekening ${iban}`).text).toBe('rekening [rekeningnummer]');
    const changed = iban.replace(/\d(?=\D*$)/, (digit) => String((Number(digit) + 1) % 10));
    // Its digits may still pass as another item (a Luhn-valid group of four), never as an IBAN.
    expect(redactPersonalData(`rekening ${changed}`).text).not.toContain('[rekeningnummer]');
  });

  it('ends an IBAN at its country length, before the next word', () => {
    expect(redactPersonalData('BE68 5390 0754 7034 EN BE71 0961 2345 6769')).toEqual({
      text: '[rekeningnummer] EN [rekeningnummer]',
      redactions: 2,
    });
  });

  it('checks the ondernemingsnummer: last two digits are 97 - (first eight mod 97)', () => {
    expect(redactPersonalData('KBO 0123.456.749').text).toBe('KBO [ondernemingsnummer]');
    expect(redactPersonalData('KBO 1000.000.021').text).toBe('KBO [ondernemingsnummer]');
    expect(redactPersonalData('KBO 0123.456.750').text).toBe('KBO 0123.456.750');
    expect(redactPersonalData('KBO 2123.456.749').text).toBe('KBO 2123.456.749'); // starts with 2
  });

  it('checks cards with Luhn and only in their printed groupings', () => {
    expect(redactPersonalData('4111 1111 1111 1111').text).toBe('[kaartnummer]');
    expect(redactPersonalData('4111 1111 1111 1112').redactions).toBe(0);
    // The same Luhn-valid digits in pairs are not how a card is written.
    expect(redactPersonalData('41 11 11 11 11 11 11 11').redactions).toBe(0);
  });
});

describe('phone numbers', () => {
  it.each([
    '0470 12 34 56',
    '0470/12.34.56',
    '0470123456',
    '+32 470 12 34 56',
    '+32470123456',
    '0032470123456',
    '0032 470 12 34 56',
    '+32 (0)470 12 34 56',
    '02 123 45 67',
    '09/123.45.67',
    '(02) 123 45 67',
    '(016) 12 34 56',
    '016 12 34 56',
    '+32 9 123 45 67',
    '+33 6 12 34 56 78',
    '+31 6 12345678',
    '+44 20 7946 0958',
    '+49 30 12345678',
  ])('redacts %s', (phone) => {
    expect(redactPersonalData(`bel ${phone} aub`)).toEqual({
      text: 'bel [telefoonnummer] aub',
      redactions: 1,
    });
  });

  it('stops a Belgian number at its length, so the next number survives', () => {
    expect(redactPersonalData('bel 0470 12 34 56 2 keer')).toEqual({
      text: 'bel [telefoonnummer] 2 keer',
      redactions: 1,
    });
    expect(redactPersonalData('bel +32 2 123 45 67 3 keer').text).toBe(
      'bel [telefoonnummer] 3 keer',
    );
  });

  it.each([
    '0800 12 345',
    '0900 12 345',
    '1700',
    '0470 12 34',
    '047012345678',
    '0012 3456',
    '2024-123456',
  ])('keeps %s (a service, or no plausible phone structure)', (number) => {
    expect(redactPersonalData(`nummer ${number}`).redactions).toBe(0);
  });
});

describe('redactPagePath', () => {
  it.each([
    ['/aanvraag/bevestiging?email=a@b.be#x', '/aanvraag/bevestiging', 0],
    ['https://x.be/dossier/85073003328/', '/dossier/[rijksregisternummer]/', 1],
    ['/burger/jan.peeters@example.com/profiel', '/burger/[e-mail]/profiel', 1],
    ['/burger/jan.peeters%40example.com/profiel', '/burger/[e-mail]/profiel', 1],
    ['https://www.vlaanderen.be/premie/aanvragen?stap=2', '/premie/aanvragen', 0],
    ['HTTPS://user:secret@x.be:8443/a#top', '/a', 0],
    ['//cdn.example.be/pad/85073003328', '/pad/[rijksregisternummer]', 1],
    ['aanvraag/stap-2', '/aanvraag/stap-2', 0],
    ['https://x.be', '/', 0],
    ['', '/', 0],
    ['/dossier/2024-123456/documenten', '/dossier/[id]/documenten', 1],
    ['/bevestiging/550e8400-e29b-41d4-a716-446655440000', '/bevestiging/[id]', 1],
    ['/sessie/a8f5f167f44f4964e6c998dee827110c/stap/3', '/sessie/[id]/stap/3', 1],
    ['/zoek/0470123456', '/zoek/[telefoonnummer]', 1],
    ['/2024/premies/v2/stap/3', '/2024/premies/v2/stap/3', 0],
    ['/omgevingsvergunning-aanvragen/stap-3', '/omgevingsvergunning-aanvragen/stap-3', 0],
    ['/korting/50%/x', '/korting/50%/x', 0], // a stray % is kept, not decoded
    // Decoded segments are normalised like a comment: zero-width space, full-width @, scripts.
    ['/burger/jan%E2%80%8B%40example.be/profiel', '/burger/[e-mail]/profiel', 1],
    ['/burger/jan%EF%BC%A0example.be/profiel', '/burger/[e-mail]/profiel', 1],
    [`/dossier/${encodeURIComponent('٨٥٠٧٣٠٠٣٣٢٨')}`, '/dossier/[rijksregisternummer]', 1],
    [`/dossier/${encodeURIComponent('२०२४-१२३४५६')}/documenten`, '/dossier/[id]/documenten', 1],
  ] as const)('%s → %s', (page, text, redactions) => {
    expect(redactPagePath(page)).toEqual({ text, redactions });
  });
});

describe('adversarial input', () => {
  const fill = (unit: string) => unit.repeat(Math.ceil(2000 / unit.length)).slice(0, 2000);

  it.each([
    fill('a'),
    fill('a.'),
    fill('a@'),
    'x@' + fill('a.'),
    fill('1 '),
    fill('0'),
    fill('0 '),
    fill('+3'),
    fill('BE68 '),
    fill('AB12'),
    fill('Kerkstraat '),
    fill('Rue de la '),
    fill('12 rue '),
    fill('Grote '),
    fill('0470 12 '),
    fill('85.07.30-'),
    fill('0  '),
    fill('0 – '),
    fill('٠ '),
    fill('4111.'),
    fill('BE68.'),
    fill('0' + ' '.repeat(40)),
    fill('+32' + '\u2009'.repeat(20)),
  ])('handles 2000 characters quickly (%#)', (input) => {
    const started = performance.now();
    const comment = redactPersonalData(input);
    const page = redactPagePath(input);
    expect(performance.now() - started).toBeLessThan(500);
    expect(comment.text.length).toBeGreaterThan(0);
    expect(page.text.startsWith('/')).toBe(true);
  });

  it('redacts every item of a comment packed with them', () => {
    const comment = 'gsm 0470 12 34 56, '.repeat(100);
    expect(comment.length).toBe(1900);
    expect(redactPersonalData(comment)).toEqual({
      text: 'gsm [telefoonnummer], '.repeat(100),
      redactions: 100,
    });
  });
});
