-- Registers `treaty lsp` with nvim-lspconfig (Neovim 0.9, 0.10, or 0.11 for those who
-- keep the lspconfig framework):
--   vim.g.treaty_lsp = false  -- before plugin/treaty.lua runs
--   require("treaty.lspconfig").setup({ cmd = { "treaty", "lsp" } })
local M = {}

function M.setup(opts)
  local configs = require("lspconfig.configs")
  local util = require("lspconfig.util")
  if not configs.treaty then
    configs.treaty = {
      default_config = {
        cmd = { "treaty", "lsp" },
        filetypes = { "treaty" },
        root_dir = util.root_pattern("treaty.toml", ".git"),
        single_file_support = true,
      },
      docs = { description = "`treaty lsp`: diagnostics, hover and more for .treaty files." },
    }
  end
  require("lspconfig").treaty.setup(opts or {})
end

return M
