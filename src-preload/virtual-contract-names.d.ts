// Filled in at build time from the contract (see electron.vite.config.ts, contractNames()).
declare module 'virtual:krev-contract-names' {
  import type { ContractNames } from './contract-names'
  const names: ContractNames
  export default names
}
