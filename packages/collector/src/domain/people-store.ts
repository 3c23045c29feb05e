// What the store keeps of it: People, their sessions and the sign-ins under way. Part of the Store interface (store.ts).

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PeopleStore {}
