// The French strings of alerts.
import type { AlertsMessages, AlertWindowText } from './nl.ts';

export const alerts: AlertsMessages = {
  alertHeading: 'Alerte : changement marqué cette semaine',
  alertSatisfaction: (recent: AlertWindowText, previous: AlertWindowText) =>
    `La satisfaction a nettement baissé : ${recent.share} de satisfaits (4 ou 5) du ${recent.from} au ${recent.to} (intervalle à 95 % de ${recent.low} à ${recent.high}, ${recent.n} réponses), contre ${previous.share} pendant les 8 semaines précédentes, du ${previous.from} au ${previous.to} (${previous.low} à ${previous.high}, ${previous.n} réponses).`,
  alertTheme: (theme: string, recent: AlertWindowText, previous: AlertWindowText) =>
    `Le thème « ${theme} » revient nettement plus souvent : dans ${recent.share} des commentaires du ${recent.from} au ${recent.to} (intervalle à 95 % de ${recent.low} à ${recent.high}, ${recent.n} commentaires), contre ${previous.share} pendant les 8 semaines précédentes, du ${previous.from} au ${previous.to} (${previous.low} à ${previous.high}, ${previous.n} commentaires).`,
  alertThemeUnnamed: (recent: AlertWindowText, previous: AlertWindowText) =>
    `Un thème revient nettement plus souvent dans les commentaires : dans ${recent.share} d’entre eux du ${recent.from} au ${recent.to} (intervalle à 95 % de ${recent.low} à ${recent.high}, ${recent.n} commentaires), contre ${previous.share} pendant les 8 semaines précédentes, du ${previous.from} au ${previous.to} (${previous.low} à ${previous.high}, ${previous.n} commentaires). Seul le prestataire du service voit de quel thème il s’agit : ce sont les mots des citoyens.`,
  alertRaisedOn: (day: string) => `Signalé le ${day}.`,
  alertWhy:
    'Les intervalles de confiance des deux périodes ne se chevauchent pas : la différence n’est pas le hasard de quelques réponses.',
  alertReadComments: 'Lisez les commentaires de cette semaine pour voir ce qui se passe.',
  alertsLoadFailed: 'Les alertes de ce service n’ont pas pu être chargées.',

  overviewAlertFilter: 'alerte au cours des 7 derniers jours',
  overviewAlertSatisfaction: (day: string) => `alerte : satisfaction en baisse (${day})`,
  overviewAlertTheme: (theme: string, day: string) =>
    `alerte : thème « ${theme} » en hausse (${day})`,
  overviewAlertThemeUnnamed: (day: string) => `alerte : un thème en hausse (${day})`,
  overviewAlertMeaningTerm: 'alerte',
  overviewAlertMeaning:
    'au cours des 7 derniers jours, la satisfaction a baissé, ou un thème a augmenté, au point que l’intervalle à 95 % de cette semaine ne chevauche pas celui des 8 semaines précédentes.',
};
