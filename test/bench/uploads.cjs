// Issue 11 slot: filled by the uploads bench. Until then it says so instead of printing figures.
async function benchUploads(dialect) {
  return { dialect, missing: true };
}
function printUploads(rows) {
  console.log('\nuploads: not built yet');
}
module.exports = { benchUploads, printUploads };
