#!/usr/bin/env bash
# Builds and tests the editor support with the real tools, each part only when its tool
# is installed (it says "skipped" otherwise and goes on):
#   VS Code      npm: installs @vscode/vsce and esbuild, packages the extension (fails
#                on any vsce WARNING), loads the bundle in node without node_modules.
#   tree-sitter  the tree-sitter CLI (PATH, or TREE_SITTER): generates the parser,
#                runs the corpus and highlight tests, compiles every query, parses
#                every file in treaties/ and fails on any ERROR or MISSING node.
#   Neovim       nvim 0.11+ (PATH, or NVIM): opens a treaty through editors/neovim and
#                waits for the server's diagnostics, through vim.lsp.enable and through
#                vim.lsp.start (the 0.9/0.10 path); through nvim-lspconfig too when
#                LSPCONFIG names a checkout of it.
# Usage: bash editors/check.sh [path/to/treaty]   (default: target/debug/treaty)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
treaty=$(realpath "${1:-$root/target/debug/treaty}" 2>/dev/null || true)
failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ------------------------------------------------------------------ VS Code
if command -v npm >/dev/null; then
    (
        cd "$root/editors/vscode"
        npm ci --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1 ||
            { cat "$work/npm.log"; exit 1; }
        # The package script, so the flags are the ones a user's `npm run package` uses.
        npm run package -- --out "$work/treaty.vsix" </dev/null >"$work/vsce.log" 2>&1 ||
            { cat "$work/vsce.log"; exit 1; }
        if grep -q "WARNING" "$work/vsce.log"; then
            cat "$work/vsce.log"
            exit 1
        fi
        echo "vscode: packaged ($(du -k "$work/treaty.vsix" | cut -f1) KB, no warnings)"
        # The bundle loads on its own (away from node_modules), with only the editor's
        # `vscode` module supplied, and exports the extension's entry points.
        mkdir -p "$work/bundle" && cp dist/extension.js "$work/bundle/"
        (cd "$work/bundle" && node -e '
            const Module = require("module");
            const load = Module._load;
            const stub = () => new Proxy(function () {}, { get: (t, k) => (k === "prototype" ? {} : stub()) });
            Module._load = function (request, ...rest) {
              return request === "vscode" ? stub() : load.call(this, request, ...rest);
            };
            const extension = require("./extension.js");
            if (typeof extension.activate !== "function" || typeof extension.deactivate !== "function") {
              throw new Error("dist/extension.js exports no activate/deactivate");
            }
            console.log("vscode: the bundle loads without node_modules");
        ')
    ) || { echo "vscode: FAILED"; failed=1; }
else
    echo "vscode: skipped (npm not installed)"
fi

# ------------------------------------------------------------------ tree-sitter
ts=${TREE_SITTER:-$(command -v tree-sitter || true)}
if [ -n "$ts" ] && [ -x "$ts" ]; then
    (
        cd "$root/editors/tree-sitter-treaty"
        "$ts" generate >"$work/generate.log" 2>&1 || { cat "$work/generate.log"; exit 1; }
        "$ts" test
        # Every query compiles against the grammar (Helix and Neovim drop a query file
        # whole when one pattern names an unknown node).
        for query in queries/*.scm; do
            "$ts" query --quiet "$query" "$root/treaties/uk-ukraine-2024.treaty" \
                >/dev/null 2>"$work/query.log" || { cat "$work/query.log"; exit 1; }
        done
        echo "tree-sitter: $(ls queries/*.scm | wc -l) queries compile"
        # Every treaty and scenario file of the repository parses without an error.
        find "$root/treaties" -name '*.treaty' | sort >"$work/files"
        if "$ts" parse --quiet --paths "$work/files" >"$work/parse.log" 2>&1; then
            echo "tree-sitter: $(wc -l <"$work/files") files of treaties/ parse without errors"
        else
            grep -E "ERROR|MISSING" "$work/parse.log" | head -20
            exit 1
        fi
    ) || { echo "tree-sitter: FAILED"; failed=1; }
else
    echo "tree-sitter: skipped (no tree-sitter CLI; set TREE_SITTER)"
fi

# ------------------------------------------------------------------ Neovim
nvim=${NVIM:-$(command -v nvim || true)}
if [ -n "$nvim" ] && [ -x "$nvim" ] && "$nvim" --headless --clean -u NONE \
    -c 'lua io.stdout:write(vim.fn.has("nvim-0.11"))' -c 'qa!' 2>/dev/null | grep -q 1; then
    if [ -z "$treaty" ] || [ ! -x "$treaty" ]; then
        echo "neovim: FAILED (no treaty binary at ${1:-target/debug/treaty}: cargo build)"
        failed=1
    else
        # A parser for the highlight check, when a C compiler and the generated parser exist.
        parser_dir="$work/site/parser"
        mkdir -p "$parser_dir"
        src="$root/editors/tree-sitter-treaty/src"
        if command -v cc >/dev/null && [ -f "$src/parser.c" ]; then
            cc -O1 -shared -fPIC -I "$src" "$src/parser.c" -o "$parser_dir/treaty.so"
        fi
        sample="$root/editors/neovim/test/sample.treaty"
        modes="enable start"
        [ -n "${LSPCONFIG:-}" ] && modes="$modes lspconfig"
        for mode in $modes; do
            if ! (
                cd "$work"
                TREATY_BIN="$treaty" TREATY_NVIM_MODE="$mode" TREATY_LSPCONFIG="${LSPCONFIG:-}" \
                    TREATY_PARSER_DIR="$work/site" \
                    timeout 60 "$nvim" --headless --clean -u "$root/editors/neovim/test/headless.lua" \
                    "$sample"
            ); then
                echo "neovim ($mode): FAILED"
                failed=1
            fi
        done
    fi
else
    echo "neovim: skipped (no Neovim 0.11 or later; set NVIM)"
fi

exit $failed
