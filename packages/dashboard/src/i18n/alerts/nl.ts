// The Dutch strings of alerts: the notice in a service's report when its satisfaction dropped or
// a theme rose significantly in the last 7 days, and the marker and filter in the overview.
// Spread into the Dutch catalog, they are the type the French and English parts must match.

/** One window of an alert, already formatted: its share, its interval, its n and its days. */
export interface AlertWindowText {
  share: string;
  low: string;
  high: string;
  n: string;
  from: string;
  to: string;
}

export const alerts = {
  alertHeading: 'Alarm: opvallende verandering deze week',
  alertSatisfaction: (recent: AlertWindowText, previous: AlertWindowText) =>
    `De tevredenheid is duidelijk gedaald: ${recent.share} tevreden (4 of 5) van ${recent.from} tot en met ${recent.to} (95 %-interval ${recent.low} tot ${recent.high}, ${recent.n} antwoorden), tegenover ${previous.share} in de 8 weken daarvoor, van ${previous.from} tot en met ${previous.to} (${previous.low} tot ${previous.high}, ${previous.n} antwoorden).`,
  alertTheme: (theme: string, recent: AlertWindowText, previous: AlertWindowText) =>
    `Het thema „${theme}” komt duidelijk vaker terug: in ${recent.share} van de opmerkingen van ${recent.from} tot en met ${recent.to} (95 %-interval ${recent.low} tot ${recent.high}, ${recent.n} opmerkingen), tegenover ${previous.share} in de 8 weken daarvoor, van ${previous.from} tot en met ${previous.to} (${previous.low} tot ${previous.high}, ${previous.n} opmerkingen).`,
  /** Steering's: the API gives it no theme's words (citizens' words, for the providers). */
  alertThemeUnnamed: (recent: AlertWindowText, previous: AlertWindowText) =>
    `Een thema komt duidelijk vaker terug in de opmerkingen: in ${recent.share} ervan van ${recent.from} tot en met ${recent.to} (95 %-interval ${recent.low} tot ${recent.high}, ${recent.n} opmerkingen), tegenover ${previous.share} in de 8 weken daarvoor, van ${previous.from} tot en met ${previous.to} (${previous.low} tot ${previous.high}, ${previous.n} opmerkingen). Welk thema het is, ziet alleen de dienstverlener: het zijn woorden van burgers.`,
  alertRaisedOn: (day: string) => `Gemeld op ${day}.`,
  alertWhy:
    'De betrouwbaarheidsintervallen van beide periodes overlappen niet: het verschil is geen toeval van een paar antwoorden.',
  /** Providers only: steering reads no comments. */
  alertReadComments: 'Lees de opmerkingen van deze week om te zien wat er aan de hand is.',
  alertsLoadFailed: 'De alarmen van deze dienst konden niet worden geladen.',

  overviewAlertFilter: 'alarm in de laatste 7 dagen',
  overviewAlertSatisfaction: (day: string) => `alarm: tevredenheid gedaald (${day})`,
  overviewAlertTheme: (theme: string, day: string) => `alarm: thema „${theme}” gestegen (${day})`,
  overviewAlertThemeUnnamed: (day: string) => `alarm: een thema gestegen (${day})`,
  overviewAlertMeaningTerm: 'alarm',
  overviewAlertMeaning:
    'in de laatste 7 dagen daalde de tevredenheid, of steeg een thema, zo sterk dat het 95 %-interval van die week niet overlapt met dat van de 8 weken ervoor.',
};

export type AlertsMessages = typeof alerts;
