// Unit tests of the web app's pure logic (filters, date presets, value conversion); pages are tested end to end.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['src/**/*.test.ts'], environment: 'node' } });
