// Issue 11 slot: filled by the db-freeze bench. Until then it says so instead of printing figures.
async function benchDbFreeze(dialect) {
  return { dialect, missing: true };
}
function printDbFreeze(rows) {
  console.log('\ndb-freeze: not built yet');
}
module.exports = { benchDbFreeze, printDbFreeze };
