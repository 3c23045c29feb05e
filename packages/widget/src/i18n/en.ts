import type { Messages } from './nl.ts';

export const en: Messages = {
  heading: 'Your feedback',
  question: 'How satisfied are you with this service?',
  ratings: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  send: 'Send',
  error: 'Error:',
  chooseRating: 'Choose how satisfied you are.',
  rated: 'Thank you for your rating.',
  comment: 'What could we improve?',
  hint: 'Optional. Do not include personal data such as your name, national register number, address, phone number or email.',
  kept: 'If sending fails, we keep your answer in this browser for up to 7 days and send it later.',
  left: 'Characters left:',
  over: 'Characters too many:',
  tooLong: 'Make your comment shorter.',
  privacy: 'Privacy statement',
  thanks: 'Thank you for your feedback',
  sending: 'Sending…',
  queued: 'Not sent yet: your answer is saved on this device and will be sent later.',
  failed: 'Sending failed because of an error on our side. Sorry.',
};
