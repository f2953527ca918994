-- Starts `treaty lsp` for treaty buffers.
--   Neovim 0.11+:       vim.lsp.enable("treaty"), with the config in lsp/treaty.lua.
--   Neovim 0.9, 0.10:   vim.lsp.start() from a FileType autocommand.
--   older:              a message; the filetype, comments and words still work.
-- Set `vim.g.treaty_lsp = false` before this runs to start the server yourself
-- (for instance through nvim-lspconfig: `require("treaty.lspconfig").setup()`).
if vim.g.loaded_treaty then
  return
end
vim.g.loaded_treaty = true
if vim.g.treaty_lsp == false then
  return
end

-- (`treaty_force_start` takes the 0.9/0.10 branch on 0.11: editors/neovim/test/headless.lua.)
if vim.fn.has("nvim-0.11") == 1 and not vim.g.treaty_force_start then
  vim.lsp.enable("treaty")
elseif vim.fn.has("nvim-0.9") == 1 then
  local config = dofile(vim.api.nvim_get_runtime_file("lsp/treaty.lua", false)[1])
  vim.api.nvim_create_autocmd("FileType", {
    pattern = "treaty",
    group = vim.api.nvim_create_augroup("treaty_lsp", { clear = true }),
    callback = function(args)
      local file = vim.api.nvim_buf_get_name(args.buf)
      local root = vim.fs.dirname(vim.fs.find(config.root_markers, { path = file, upward = true })[1] or file)
      vim.lsp.start({ name = "treaty", cmd = config.cmd, root_dir = root }, { bufnr = args.buf })
    end,
  })
else
  vim.notify("treaty: the language server needs Neovim 0.9 or later", vim.log.levels.WARN)
end
