// What the store keeps of it: Alerts: at most one per service, kind and day. Part of the Store interface (store.ts).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AlertStore {}
