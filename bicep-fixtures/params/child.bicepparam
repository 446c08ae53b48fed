using 'main.bicep'
extends 'base.bicepparam'

param exportRepositoryEvents = true
