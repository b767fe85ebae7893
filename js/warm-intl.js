// Appended to the package's JS glue (scripts/build-pkg.sh): warms the
// browser's Intl while the wasm downloads. The first Intl constructor on a
// page loads ICU's locale and time zone data (about 40 ms, 150 ms on a slow
// phone); the table needs it for its first rows, so without this it comes
// after the wasm, on the way to them. A timer, so `init()` has asked for the
// wasm first; it builds the formatters the table builds for the browser's
// own language and time zone (its dates, numbers, plurals, day keys and
// wall clock), and nothing else happens if Intl is missing or throws.
setTimeout(() => {
  try {
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
    new Intl.NumberFormat().formatToParts(1234567.5);
    new Intl.PluralRules().select(1);
    new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(0);
    new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }).formatToParts(0);
  } catch (_) {
    // No Intl (or a broken one): the table says so when it mounts.
  }
}, 0);
