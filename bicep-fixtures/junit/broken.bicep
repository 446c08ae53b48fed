// JUnit: a file that does not compile is an error, never a pass.
resource broken 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 
}
