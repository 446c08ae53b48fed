using 'main.bicep'
param obj = { Zeta: 1, alpha: 2, Mid: 3, beta: 4, b: 5, B2: 6, _x: 7, '1a': 8, a: 9 }
param list = ['a', 'b', 'c']
param text = 'Hello World'
