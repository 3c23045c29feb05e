import type { Language } from '@vo-feedback/shared';

// The words that are never a theme on their own, per language. Two kinds:
// - function words (after the Snowball project's stop lists): articles, pronouns, auxiliaries;
// - feedback filler: what people write around their point without making one — greetings,
//   thanks, "test", "gewoon", "echt", "goed", "lang". Filler still completes a pair after a
//   negation or "too": "te lang", "niet goed", "trop long", "nicht gut" are exactly the point.
//
// A comment's `lang` is the language of the widget, not always the language the citizen wrote
// in (in Brussels a French comment under a Dutch form is ordinary). So a token is checked against
// the lists of all four languages: a function word of any of them is never a theme. The price is
// small and known: a handful of content words of one language that are function words of another
// (English "car" and "door", function words in French and Dutch) are not counted.

const words = (...lines: string[]) => lines.join(' ').split(' ');

const FUNCTION_WORDS: Record<Language, string[]> = {
  nl: words(
    'aan al alle alles als altijd andere ben bent bij daar dan dat de der deze die dit doch doen',
    'door dus een eens en er ge geweest haar had hadden heb hebben hebt heeft hem het hier hij hoe',
    'hun iemand iets ik in is ja je jij jou jouw jullie kan kon konden kun kunnen kunt maar me men',
    'met mij mijn mn moet moest moeten mocht mag mogen na naar nog nu of om omdat onder ons onze',
    'ook op over reeds tegen toch toen tot uit uw van veel voor waar waarom wanneer want waren was',
    'wat we wel welke werd werden wie wij wil wilde willen worden wordt word zal ze zelf zich zij',
    'zijn zo zonder zou zouden zullen erg zeer even beetje misschien soms vaak daarna daarom',
    'dezelfde hetzelfde gaan gaat ging komt komen kreeg krijg krijgen kregen via per waarbij',
    'waarin waardoor welk elk elke ieder iedere enkel enkele',
  ),
  fr: words(
    'au aux avec ce ces dans de des du elle elles en et eux il ils je la le les leur leurs lui ma',
    'mais me meme même mes moi mon ne nos notre nous on ou où par pour qu que qui quoi sa se ses',
    'son sur ta te tes toi ton tu un une vos votre vous été être suis es est sommes êtes sont ai',
    'as avons avez ont avais avait avions aviez avaient eu était étaient fait faire cette cet ceci',
    'cela ça tout tous toute toutes très bien aussi alors comme donc car encore déjà ici lors quand',
    'peut peuvent pouvoir dois doit faut chez entre après avant',
  ),
  en: words(
    'about above after again all also am an and any are as at be because been before being below',
    'between both but by can could did do does doing don down during each few for from further get',
    'got had has have having he her here hers herself him himself his how if in into is it its',
    'itself just me more most my myself now of off on once only or other our ours ourselves out',
    'over own same she should so some such than that the their theirs them themselves then there',
    'these they this those through to under until up very was we were what when where which while',
    'who whom why will with would you your yours yourself yourselves really much lot still',
  ),
  de: words(
    'aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes',
    'auch auf aus bei bin bis bist da damit dann der den des dem die das dass daß dich dir du dies',
    'diese dieser dieses doch dort durch ein eine einem einen einer eines er es etwas euer eure für',
    'hatte hatten hab habe haben hat hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres',
    'euch im indem ins ist jede jedem jeden jeder jedes jene jetzt kann können könnte man manche',
    'mein meine meinem meinen meiner mit muss musste nach nun nur ob oder sehr sein seine seinem',
    'seinen sich sie sind so solche soll sollte sondern sonst über um und uns unser unter viel vom',
    'von vor während war waren warst was weil weiter welche wenn werde werden wie wieder will wir',
    'wird wirst wo wollen wollte würde würden wurde zum zur zwar zwischen gibt noch schon immer',
  ),
};

const FILLER: Record<Language, string[]> = {
  nl: words(
    'test testen getest testje ingeven ingegeven ingeeft gewoon eigenlijk heel echt graag',
    'bedankt dank dankjewel dankuwel alvast hallo goedendag goeiedag beste groeten groet',
    'vriendelijke mvg gelieve aub oké okee okay goed prima super top fijn leuk tof lang lange',
    'dingen ding niets niks nvt enz etc zeker helemaal allemaal ongeveer zoiets ofzo',
  ),
  fr: words(
    'test tester testé merci bonjour bonsoir madame monsieur cordialement salutations svp stp',
    'oui vraiment juste simplement assez chose choses truc rien bon bonne super parfait top',
    'génial okay long longue longs longues beaucoup peu toujours etc',
  ),
  en: words(
    'test testing tested thanks thank please hello dear regards kind okay fine good great nice',
    'super perfect quite pretty thing things stuff long bit etc yes actually basically simply',
    'anyway',
  ),
  de: words(
    'test testen getestet danke bitte hallo grüße gruß freundlichen mfg liebe lieber wirklich',
    'eigentlich einfach ganz halt mal eben okay gut super prima toll lang lange ding dinge sache',
    'sachen nichts bisschen usw etc',
  ),
};

const ALL_FUNCTION_WORDS = new Set(Object.values(FUNCTION_WORDS).flat());
const ALL_FILLER = new Set(Object.values(FILLER).flat());

/** An article, pronoun, auxiliary or the like of nl, fr, en or de (lowercase). */
export function isFunctionWord(token: string): boolean {
  return ALL_FUNCTION_WORDS.has(token);
}

/** Feedback filler of nl, fr, en or de (lowercase): no theme alone, but "te lang" is a pair. */
export function isFiller(token: string): boolean {
  return ALL_FILLER.has(token);
}

/**
 * Negations: not themes on their own, but they make a pair meaningful — "werkt niet", "niet
 * duidelijk", "doesn't work" are what a provider needs to read. A negation pairs on either side.
 */
export const NEGATIONS = new Set(
  words(
    'niet geen nooit pas jamais sans not no never without nicht kein keine nie ohne',
    "doesn't don't didn't isn't wasn't aren't weren't can't cannot won't couldn't",
  ),
);

/** "Too", which pairs only before a word: "te lang" says something, "wachttijd te" nothing. */
export const TOO = new Set(['te', 'trop', 'too', 'zu']);
