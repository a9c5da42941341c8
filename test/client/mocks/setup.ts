// Globals that Taro's build normally provides.
const g = globalThis as unknown as Record<string, unknown>;
g.defineAppConfig = <T>(config: T): T => config;
g.definePageConfig = <T>(config: T): T => config;
