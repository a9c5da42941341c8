export interface HealthResponse {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
  dialect: 'sqlite' | 'mariadb';
  version: string;
}
