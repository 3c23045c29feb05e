// What the store keeps of it: E-mail subscriptions and the mail outbox (digests, alert mails, notices). Part of the Store interface (store.ts).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MailStore {}
