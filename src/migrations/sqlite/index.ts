import * as migration_20261122_064209_initial from './20261122_064209_initial'

export const migrations = [
  {
    up: migration_20261122_064209_initial.up,
    down: migration_20261122_064209_initial.down,
    name: '20261122_064209_initial',
  },
]
