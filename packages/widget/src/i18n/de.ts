import type { Messages } from './nl.ts';

export const de: Messages = {
  heading: 'Ihr Feedback',
  question: 'Wie zufrieden sind Sie mit diesem Dienst?',
  ratings: ['Sehr unzufrieden', 'Unzufrieden', 'Neutral', 'Zufrieden', 'Sehr zufrieden'],
  send: 'Senden',
  error: 'Fehler:',
  chooseRating: 'Wählen Sie, wie zufrieden Sie sind.',
  rated: 'Vielen Dank für Ihre Bewertung.',
  comment: 'Was können wir verbessern?',
  hint: 'Freiwillig. Geben Sie keine personenbezogenen Daten an: Name, Nationalregisternummer, Adresse, Telefon, E-Mail.',
  kept: 'Wenn das Senden fehlschlägt, speichern wir Ihre Antwort bis zu 7 Tage in diesem Browser und senden sie später.',
  left: 'Verbleibende Zeichen:',
  over: 'Zeichen zu viel:',
  tooLong: 'Kürzen Sie Ihren Kommentar.',
  privacy: 'Datenschutz',
  thanks: 'Vielen Dank für Ihr Feedback',
  sending: 'Senden…',
  queued:
    'Noch nicht gesendet: Ihre Antwort ist auf diesem Gerät gespeichert und wird später gesendet.',
  sendComment: 'Anmerkung senden',
  reasons: 'Was ist schiefgelaufen?',
  promise: 'Ihr Feedback ist anonym und erhält keine Antwort.',
  help: 'Brauchen Sie Hilfe? Kontaktieren Sie',
  line: 'die kostenlose Infoline 1700',
  contact: 'die Kontaktstelle dieses Dienstes',
  failed: 'Ihr Feedback konnte nicht gesendet werden. Sie erreichen uns über',
};
