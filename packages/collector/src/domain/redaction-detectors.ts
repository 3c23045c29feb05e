// The detectors of personal data that domain/redaction.ts applies, in the order it applies them:
// each a bounded regular expression that finds candidates and a check (mod-97, Luhn, a plausible
// phone structure) that keeps look-alikes such as dossier numbers, amounts and dates intact. They
// read ASCII digits: domain/redaction.ts shows them every script's digits by their value.

/** Neutral Dutch labels, so a reader of the stored comment still knows what was there. */
export const PLACEHOLDERS = {
  email: '[e-mail]',
  nationalNumber: '[rijksregisternummer]',
  iban: '[rekeningnummer]',
  enterpriseNumber: '[ondernemingsnummer]',
  phone: '[telefoonnummer]',
  card: '[kaartnummer]',
  address: '[adres]',
  id: '[id]',
} as const;

/**
 * One kind of personal data. `pattern` (global) finds candidates; `accept` confirms one and returns
 * how many of its characters are the item (a candidate may run on into a following number), or
 * undefined to leave the candidate as it is. Without `accept` every match is replaced.
 */
export interface Detector {
  placeholder: string;
  /**
   * What every match contains, tested once on the whole text before the pattern runs: most
   * comments hold no digit and no '@', and then no detector needs to scan them.
   */
  requires: RegExp;
  pattern: RegExp;
  accept?: (candidate: string) => number | undefined;
}

/** A space of any kind: no-break, thin, narrow, figure, ideographic … */
const SPACE = String.raw`\p{Zs}`;
/** Dashes of any kind (hyphen, en and em dash, minus) and the Arabic decimal/thousands marks. */
const DASH_OR_MARK = String.raw`\p{Pd}\u2212\u066b\u066c`;
/**
 * What people put between groups of digits: any run of it, or none ("85  07", "0470 – 12",
 * "12, 34"). A run cannot contain a digit, so patterns that alternate runs and digits stay linear.
 */
const DIGIT_SEPARATOR = String.raw`[\p{Zs}${DASH_OR_MARK}.,/\u060c]*`;
/**
 * Between the groups of a card number: no comma or slash. Lists of years ("2023, 2024, 2025,
 * 2026") and school years ("2021/2022 2022/2023") pass Luhn one time in ten.
 */
const CARD_SEPARATOR = String.raw`[\p{Zs}${DASH_OR_MARK}.]+`;
/** A decimal digit of any script: every detector but the e-mail one matches only with one. */
const A_DIGIT = /\p{Nd}/u;

// ---------------------------------------------------------------------------------------------
// E-mail

const EMAIL: Detector = {
  placeholder: PLACEHOLDERS.email,
  requires: /@/,
  // The look-behind makes the local part start at a word start, so a long run without '@' is
  // scanned once instead of once per character.
  pattern:
    /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
};

// ---------------------------------------------------------------------------------------------
// IBAN (ISO 13616)

/** IBAN length per country (SWIFT IBAN registry); the length tells where an IBAN ends. */
// prettier-ignore
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22,
  IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15,
  PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19,
  SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** ISO 7064 mod 97-10 over a string of digits and letters (A = 10 … Z = 35). */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const character of alphanumeric) {
    const value = Number.parseInt(character, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

function isValidIban(iban: string): boolean {
  const compact = iban.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const length = IBAN_LENGTHS[compact.slice(0, 2)];
  if (length === undefined || compact.length !== length || !/^[A-Z]{2}\d{2}/.test(compact)) {
    return false;
  }
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

const IBAN: Detector = {
  placeholder: PLACEHOLDERS.iban,
  requires: A_DIGIT,
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:${DIGIT_SEPARATOR}[A-Za-z0-9]){11,30}`,
    'gu',
  ),
  accept(candidate) {
    // The candidate is greedy and may have run into the next word; the country's length says
    // where the IBAN really ends.
    const length = IBAN_LENGTHS[candidate.slice(0, 2).toUpperCase()];
    if (length === undefined) return undefined;
    let characters = 0;
    for (let index = 0; index < candidate.length; index += 1) {
      if (!/[A-Za-z0-9]/.test(candidate[index] ?? '')) continue;
      characters += 1;
      if (characters === length) {
        const end = index + 1;
        if (/[A-Za-z0-9]/.test(candidate[end] ?? '')) return undefined;
        return isValidIban(candidate.slice(0, end)) ? end : undefined;
      }
    }
    return undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Payment card (Luhn)

function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let value = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

/** Card networks start with 2 to 6 (Mastercard, Visa, Amex, Maestro, Bancontact …). */
function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && isLuhnValid(digits);
}

const CARD: Detector = {
  placeholder: PLACEHOLDERS.card,
  requires: A_DIGIT,
  // Unbroken, groups of four (the last group shorter, as Bancontact's 17 digits), or Amex's 4-6-5.
  // Requiring the printed grouping keeps two phone numbers in a row from passing as a card.
  pattern: new RegExp(
    String.raw`(?<![\p{N}+])(?:\d{13,19}|\d{4}${CARD_SEPARATOR}\d{4}${CARD_SEPARATOR}\d{4}${CARD_SEPARATOR}\d{1,4}(?:${CARD_SEPARATOR}\d{1,3})?|\d{4}${CARD_SEPARATOR}\d{6}${CARD_SEPARATOR}\d{4,5})(?!\p{N})`,
    'gu',
  ),
  accept(candidate) {
    if (isCardNumber(digitsOf(candidate))) return candidate.length;
    // "4111 1111 1111 1111 2 keer": the last short group may be another number.
    const lastSeparator = candidate.search(/\D+\d+$/);
    if (lastSeparator > 0 && isCardNumber(digitsOf(candidate.slice(0, lastSeparator)))) {
      return lastSeparator;
    }
    return undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Rijksregisternummer / INSZ

/**
 * YYMMDD (birth date), a 3-digit serial, a 2-digit check: 97 - (first nine digits mod 97), or for
 * people born from 2000, 97 - ((2 000 000 000 + first nine digits) mod 97). Bis numbers (month
 * +20 or +40) pass the same check. Month 00 and day 00 stand for an unknown birth date.
 */
function isValidNationalNumber(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (month % 20 > 12 || month > 52 || day > 31) return false;
  const base = Number(digits.slice(0, 9));
  const check = Number(digits.slice(9));
  return 97 - (base % 97) === check || 97 - ((2_000_000_000 + base) % 97) === check;
}

const NATIONAL_NUMBER: Detector = {
  placeholder: PLACEHOLDERS.nationalNumber,
  requires: A_DIGIT,
  // Separators only where the notation puts them: 85.07.30-033.28, 850730 033 28, 850730-03328.
  pattern: new RegExp(
    String.raw`(?<![\p{N}+])\d{2}${DIGIT_SEPARATOR}\d{2}${DIGIT_SEPARATOR}\d{2}${DIGIT_SEPARATOR}\d{3}${DIGIT_SEPARATOR}\d{2}(?!\p{N})`,
    'gu',
  ),
  accept: (candidate) =>
    isValidNationalNumber(digitsOf(candidate)) ? candidate.length : undefined,
};

// ---------------------------------------------------------------------------------------------
// Ondernemingsnummer (KBO)

/** Ten digits starting with 0 or 1; the last two are 97 - (first eight mod 97). */
function isValidEnterpriseNumber(digits: string): boolean {
  if (!/^[01]\d{9}$/.test(digits)) return false;
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
}

const ENTERPRISE_NUMBER: Detector = {
  placeholder: PLACEHOLDERS.enterpriseNumber,
  requires: A_DIGIT,
  // 0123.456.749, 0123 456 749, BE0123456749, BE 0123.456.749: the 4-3-3 grouping, so a phone
  // number grouped as 0470 12 34 56 is never read as one.
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}+])(?:BE${SPACE}*)?[01]\d{3}${DIGIT_SEPARATOR}\d{3}${DIGIT_SEPARATOR}\d{3}(?!\p{N})`,
    'giu',
  ),
  accept: (candidate) =>
    isValidEnterpriseNumber(digitsOf(candidate.replace(/^BE/i, ''))) ? candidate.length : undefined,
};

// ---------------------------------------------------------------------------------------------
// Phone numbers

/** Belgian zone prefixes without the leading 0: 2, 3, 4, 9 and the two-digit zones, 70 and 78. */
const BELGIAN_FIXED_PREFIX = /^(?:[2349]|1[0-69]|5\d|6[013-9]|7[018]|8[0-79])/;
const BELGIAN_MOBILE_PREFIX = /^4[5-9]/;
/** 0800 (free) and 090x (premium) reach a service, not a person: they may stay. */
const BELGIAN_SERVICE_PREFIX = /^(?:800|90)/;

/** How many digits a Belgian number has after the trunk 0 (or after +32), from its first digits. */
function belgianSubscriberLength(national: string): number | undefined {
  if (BELGIAN_SERVICE_PREFIX.test(national)) return undefined;
  if (BELGIAN_MOBILE_PREFIX.test(national)) return 9;
  if (BELGIAN_FIXED_PREFIX.test(national)) return 8;
  return undefined;
}

/** National lengths where numbers end unambiguously (NANP, NL, FR, UK); others take 8–15 digits. */
const NATIONAL_LENGTHS: Readonly<Record<string, number>> = { '1': 10, '31': 9, '33': 9, '44': 10 };

const NATIONAL_PHONE: Detector = {
  placeholder: PLACEHOLDERS.phone,
  requires: A_DIGIT,
  // 0470 12 34 56, 0470/12.34.56, 02 123 45 67, (09) 123 45 67: a trunk 0, a zone or mobile
  // prefix and exactly 9 or 10 digits, checked in accept. A '(' is taken only with its ')'.
  pattern: new RegExp(
    String.raw`(?<![\p{N}+])(?:\((?=0\d{1,3}\)))?0[1-9](?:(?:\)${SPACE}*|${DIGIT_SEPARATOR})\d){7,8}(?!\p{N})`,
    'gu',
  ),
  accept(candidate) {
    const digits = digitsOf(candidate);
    const subscriberLength = belgianSubscriberLength(digits.slice(1));
    if (subscriberLength === undefined) return undefined;
    const end = endOfDigits(candidate, subscriberLength + 1);
    if (end === undefined) return undefined;
    // "op 01/12/2024 2 keer": phone numbers are written in groups of two digits or more.
    const groups = candidate
      .slice(0, end)
      .split(/\D+/)
      .filter((group) => group !== '');
    return groups.every((group) => group.length >= 2) ? end : undefined;
  },
};

const INTERNATIONAL_PHONE: Detector = {
  placeholder: PLACEHOLDERS.phone,
  requires: A_DIGIT,
  // +32 470 12 34 56, 0032470123456, +32 (0)9 123 45 67, +33 6 12 34 56 78, +44 20 7946 0958.
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}+])(?:\+|00)${SPACE}*[1-9](?:${DIGIT_SEPARATOR}(?:\(0\)${SPACE}*)?\d){6,14}(?!\p{N})`,
    'gu',
  ),
  accept(candidate) {
    // Positions count the digits as written, "00" included, "(0)" not.
    const written = candidate.startsWith('00') ? 2 : 0;
    const digits = digitsOf(candidate.replace(/\(0\)/g, '')).slice(written);
    if (digits.startsWith('32')) {
      const trunkZero = digits[2] === '0' ? 1 : 0; // "+32 0470 …" is written too
      const subscriberLength = belgianSubscriberLength(digits.slice(2 + trunkZero));
      if (subscriberLength === undefined) return undefined;
      return endOfDigits(candidate, written + 2 + trunkZero + subscriberLength);
    }
    const countryCode = Object.keys(NATIONAL_LENGTHS).find((code) => digits.startsWith(code));
    const nationalLength = countryCode === undefined ? undefined : NATIONAL_LENGTHS[countryCode];
    if (countryCode !== undefined && nationalLength !== undefined) {
      return endOfDigits(candidate, written + countryCode.length + nationalLength);
    }
    return digits.length >= 8 && digits.length <= 15 ? candidate.length : undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Street addresses (best effort)

const NUMBER = String.raw`(?:(?:nr|no|n°)\.?${SPACE}?)?\d{1,4}[a-zA-Z]?(?:-\d{1,4}[a-zA-Z]?)?`;
/** A house number is not the start of an amount, a time or a percentage: 5,50 · 14:30 · 15 %. */
const NOT_A_QUANTITY = String.raw`(?![\p{L}\p{N}]|[.,:]\d|${SPACE}?%)`;
const BOX = String.raw`(?:,?${SPACE}(?:bus|box|bte|boîte)\.?${SPACE}?\d{1,4}[a-zA-Z]?|\/\d{1,4}[a-zA-Z]?)(?![\p{L}\p{N}])`;
const POSTAL_CODE_AND_TOWN = String.raw`,?${SPACE}[1-9]\d{3}${SPACE}\p{Lu}[\p{L}'’-]*`;
/** 19 bus 3, 12A, 5-7, nr. 5, 5, 9000 Gent: the box and the postal code go with the address. */
const HOUSE_NUMBER = `${NUMBER}${NOT_A_QUANTITY}(?:${BOX})?(?:${POSTAL_CODE_AND_TOWN})?`;

/** Street words that end a Dutch or German compound: Kerkstraat, Brusselsesteenweg, Hauptstraße. */
const STREET_SUFFIX = 'straat|laan|steenweg|plein|dreef|kaai|straße|strasse';
/** Also common outside street names (onderweg, loopbaan, arbeidsmarkt): capitalised only. */
const CAPITALISED_STREET_SUFFIX = 'weg|baan|markt|lei|vest|dijk|singel|kade';
/** A separate street word after capitalised words: Grote Markt, Oude Baan, Korte Lei. */
const STREET_WORD =
  'Markt|Straat|Laan|Plein|Dreef|Kaai|Lei|Baan|Weg|Vest|Dijk|Steenweg|Singel|Kade';
/** French street types, which come first: Rue de la Loi, avenue Louise, chaussée de Wavre. */
const FRENCH_STREET_TYPE = String.raw`(?:[Rr]ue|[Aa]venue|[Aa]v\.|[Cc]haussée|[Bb]oulevard|[Bb]d|[Pp]lace|[Qq]uai|[Ss]quare|[Aa]llée|[Cc]hemin|[Ii]mpasse|[Rr]oute|[Dd]rève)`;
/** Words of a French street name: capitalised (d'Arlon, l'Église) or a particle (de, la, aux). */
const FRENCH_NAME = String.raw`(?:${SPACE}(?:(?:[dlDL]['’])?\p{Lu}[\p{L}'’.-]*|(?:de|du|des|la|le|les|aux?|sur)(?!\p{L}))){1,5}`;

const DUTCH_STREET = [
  String.raw`[\p{L}'’-]+(?:${STREET_SUFFIX})`,
  String.raw`\p{Lu}[\p{L}'’-]*(?:${CAPITALISED_STREET_SUFFIX})`,
  String.raw`(?:\p{Lu}[\p{L}'’.-]*${SPACE}){1,2}(?:${STREET_WORD})`,
].join('|');

const DUTCH_ADDRESS: Detector = {
  placeholder: PLACEHOLDERS.address,
  requires: A_DIGIT,
  // Anchored at a word start: a long word is tried once, not once per letter.
  pattern: new RegExp(String.raw`(?<![\p{L}'’-])(?:${DUTCH_STREET})${SPACE}${HOUSE_NUMBER}`, 'gu'),
};

const FRENCH_ADDRESS: Detector = {
  placeholder: PLACEHOLDERS.address,
  requires: A_DIGIT,
  // Rue de la Loi 16, 1000 Bruxelles — or number first: 12, rue Neuve.
  pattern: new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${FRENCH_STREET_TYPE}${FRENCH_NAME},?${SPACE}${HOUSE_NUMBER}|\d{1,4}[a-zA-Z]?,?${SPACE}${FRENCH_STREET_TYPE}${FRENCH_NAME}(?:${POSTAL_CODE_AND_TOWN})?)`,
    'gu',
  ),
};

// ---------------------------------------------------------------------------------------------

/**
 * E-mail first (its digits and dots would otherwise feed the number detectors); then the
 * checksum-validated numbers, IBAN (anchored by its letters) and card (the longest) before the
 * INSZ and KBO that could hide in their groups; phones after all of them, so a valid INSZ or KBO
 * is labelled as such; addresses last, once their house numbers cannot be anything else.
 */
export const COMMENT_DETECTORS: readonly Detector[] = [
  EMAIL,
  IBAN,
  CARD,
  NATIONAL_NUMBER,
  ENTERPRISE_NUMBER,
  INTERNATIONAL_PHONE,
  NATIONAL_PHONE,
  DUTCH_ADDRESS,
  FRENCH_ADDRESS,
];

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * The index just after the `count`-th digit of `candidate`, or undefined when there are fewer
 * digits or when that digit is in the middle of a group (the number goes on, so it is something
 * else). A written "(0)" is not counted.
 */
function endOfDigits(candidate: string, count: number): number | undefined {
  let digits = 0;
  for (let index = 0; index < candidate.length; index += 1) {
    if (candidate.startsWith('(0)', index)) {
      index += 2;
      continue;
    }
    if (!/\d/.test(candidate[index] ?? '')) continue;
    digits += 1;
    if (digits === count) {
      return /\d/.test(candidate[index + 1] ?? '') ? undefined : index + 1;
    }
  }
  return undefined;
}
