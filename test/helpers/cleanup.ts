import { removeTrees } from './temp-tree';

afterAll(removeTrees);
