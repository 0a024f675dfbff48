export * from './marketplace.ts'
export * from './splits-people.ts'
