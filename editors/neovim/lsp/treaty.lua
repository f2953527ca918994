-- Neovim 0.11+: found by `vim.lsp.enable("treaty")` when this folder is on the
-- runtimepath. Override with `vim.lsp.config("treaty", { cmd = { "/path/to/treaty", "lsp" } })`.
return {
  cmd = { "treaty", "lsp" },
  filetypes = { "treaty" },
  root_markers = { "treaty.toml", ".git" },
}
