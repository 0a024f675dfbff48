export * from './marketplace.ts'
export * from './ofair.ts'
export * from './splits-people.ts'
