export * from './marketplace.ts'
export * from './people.ts'
