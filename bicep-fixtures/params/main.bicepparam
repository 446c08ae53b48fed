using 'main.bicep'

param registryName = 'acrparams'
