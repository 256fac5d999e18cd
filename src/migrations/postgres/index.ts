import * as migration_20261122_064217_initial from './20261122_064217_initial'

export const migrations = [
  {
    up: migration_20261122_064217_initial.up,
    down: migration_20261122_064217_initial.down,
    name: '20261122_064217_initial',
  },
]
