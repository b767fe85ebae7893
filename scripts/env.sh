# Sourced by the scripts: puts the pinned tools first on PATH.
TOOLS_DIR="${CU_TOOLS_DIR:-$HOME/.cache/cu-cost-table-tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CU_NODE_MODULES="$TOOLS_DIR/node_modules"
# wasm-opt as every shipped build runs it (index.html gives Trunk the same
# passes in `data-wasm-opt-params`): -O1, then merging functions that differ
# only in constants (the merge finds less after -Os has inlined), then -Os
# (0.2 KB smaller after gzip than -Oz here), then the functions ordered by
# name, so that the copies of one generic and one crate's functions sit
# together where gzip finds their likeness (-1.2 KB gzip; BENCHMARKS.md,
# changelog “wasm-opt -Os, functions ordered by name”). `--low-memory-unused` lets it fold constant offsets into
# loads and stores (the first 1 KB of memory is the far end of the 1 MB
# stack, never reached) and `-iit` lets it drop or move loads whose result
# is unused (Rust checks bounds and divisors itself, so no load or division
# traps implicitly): 3.1 KB gzip less (BENCHMARKS.md, changelog “wasm-opt
# --low-memory-unused -iit”).
# `--no-inline=*sort::blocked_*` first (passes run in order): the radix
# sort's loops stay one call per block, so the browser's optimised code runs
# them from the first sort of a page on (src/core/sort.rs, `BLOCK`).
# `--strip-producers --strip-target-features`: two custom sections that say
# which compilers made the module and which features it uses, read by tools,
# never by a browser (0.2 KB gzip; BENCHMARKS.md, changelog “A typo in an
# option named in the console”).
WASM_OPT_FLAGS="--no-inline=*sort::blocked_* -O1 --merge-similar-functions -Os --reorder-functions-by-name --low-memory-unused -iit --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals"
# Exports of the wasm that the package never calls, removed before wasm-opt
# (scripts/drop-exports.mjs): wasm-streams' stream adapter classes, which
# leptos's server_fn links in.
UNUSED_EXPORTS="intounderlying __wbg_intounderlying"
