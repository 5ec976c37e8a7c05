import { accountRoutes } from './account';
import { conversationRoutes } from './conversations';
import { eventRoutes } from './events';
import { flowRoutes } from './flows';
import { profileRoutes } from './profiles';
import type { Route } from './types';

/** Every route the stand-in answers, by resource. */
export const ROUTES: Route[] = [
  ...accountRoutes,
  ...profileRoutes,
  ...eventRoutes,
  ...conversationRoutes,
  ...flowRoutes,
];
export type { Route, RouteAnswer, RouteContext } from './types';
