using none

param registryName = 'acrbase'
