// The pages of the commerce module's quotes part, mounted inside the shell by commerce.routes.tsx.
import type { RouteObject } from 'react-router';

export const quotesRoutes: RouteObject[] = [];
