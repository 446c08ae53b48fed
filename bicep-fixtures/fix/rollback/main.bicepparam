using 'main.bicep'

param registryName = 'acrrollback'
