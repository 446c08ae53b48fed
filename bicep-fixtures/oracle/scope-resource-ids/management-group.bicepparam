using 'management-group.bicep'
