using 'main.bicep'

param vaultName = 'kvparams'
