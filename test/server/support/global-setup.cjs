// Decides once whether the MariaDB suite runs. In CI (CI=true) it must: an unreachable MariaDB fails the run.
const mysql = require('mysql2/promise');

module.exports = async function globalSetup() {
  const url = process.env.TEST_MARIADB_URL || 'mysql://root@127.0.0.1:3306/test';
  process.env.TEST_MARIADB_URL = url;
  try {
    const conn = await mysql.createConnection({ uri: url, connectTimeout: 3000 });
    await conn.query('SELECT 1');
    await conn.end();
    process.env.LINLI_TEST_MARIADB = '1';
  } catch (err) {
    if (process.env.CI === 'true') {
      throw new Error(`CI=true but MariaDB is not reachable at ${url}: ${err.message}`);
    }
    process.env.LINLI_TEST_MARIADB = '0';
    const line = '!'.repeat(78);
    process.stderr.write(`\n${line}\n!! MariaDB NOT REACHABLE at ${url} (${err.message}).\n!! The MariaDB half of the server suite is SKIPPED. (In CI it must run.)\n${line}\n\n`);
  }
};
