-- Buffer settings for treaty files.
vim.bo.commentstring = "// %s"
vim.bo.comments = "://"
-- `armed-attack` and `in-force` are one word for `w`, `*` and completion, as the
-- language server sees them.
vim.opt_local.iskeyword:append("-")
vim.bo.shiftwidth = 2
vim.bo.expandtab = true

-- Colouring and folding from the tree-sitter grammar, when its parser is installed
-- (docs/editors.md); without it Neovim shows the buffer uncoloured.
pcall(vim.treesitter.language.add, "treaty")
if pcall(vim.treesitter.language.inspect, "treaty") then
  vim.treesitter.start()
  if vim.fn.has("nvim-0.10") == 1 then
    vim.wo[0][0].foldmethod = "expr"
    vim.wo[0][0].foldexpr = "v:lua.vim.treesitter.foldexpr()"
    vim.wo[0][0].foldlevel = 99
  end
end

vim.b.undo_ftplugin = "setlocal commentstring< comments< iskeyword< shiftwidth< expandtab<"
