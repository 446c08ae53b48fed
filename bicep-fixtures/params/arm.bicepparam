using 'arm.json'

param registryName = 'acrarmtemplate'
