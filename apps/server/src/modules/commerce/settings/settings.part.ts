// The settings part of the commerce module: the letterhead and defaults, discount limits per role and the approval
// chain — their routes and demo values.
import type { ServerPart } from '../commerce.parts.ts';
import { seedDemoSettings } from './settings.demo.ts';
import { registerSettingsRoutes } from './settings.routes.ts';

export const settingsPart: ServerPart = { registerRoutes: registerSettingsRoutes, seedDemo: seedDemoSettings };
