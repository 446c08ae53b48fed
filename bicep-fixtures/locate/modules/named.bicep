// A module with nothing to audit, for positions of module declarations (../comments.bicep).
param name string

output name string = name
