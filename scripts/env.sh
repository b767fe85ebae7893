# Sourced by the scripts: puts the pinned tools first on PATH.
TOOLS_DIR="${CU_TOOLS_DIR:-$HOME/.cache/cu-cost-table-tools}"
export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CU_NODE_MODULES="$TOOLS_DIR/node_modules"
