-- `.treaty` files have the filetype `treaty`.
if vim.fn.has("nvim-0.8") == 1 then
  vim.filetype.add({ extension = { treaty = "treaty" } })
else
  -- 0.7 reads vim.filetype.add only with the opt-in filetype.lua.
  vim.cmd("autocmd BufRead,BufNewFile *.treaty setfiletype treaty")
end
