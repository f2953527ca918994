-- Drives a real Neovim against `treaty lsp` (editors/check.sh runs it):
--   nvim --headless --clean -u editors/neovim/test/headless.lua FILE
-- Environment: TREATY_BIN (the binary), TREATY_NVIM_MODE ("enable": the 0.11
-- `vim.lsp.enable` path of plugin/treaty.lua; "start": the 0.9/0.10 `vim.lsp.start`
-- path; "lspconfig": nvim-lspconfig, whose checkout is TREATY_LSPCONFIG).
-- Prints one line per diagnostic and a summary; exits 1 when something is missing.
local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h")
local bin = assert(os.getenv("TREATY_BIN"), "TREATY_BIN is not set")
local mode = os.getenv("TREATY_NVIM_MODE") or "enable"

vim.opt.runtimepath:prepend(here)
-- A folder holding parser/treaty.so, built by editors/check.sh from the grammar.
if os.getenv("TREATY_PARSER_DIR") then
  vim.opt.runtimepath:append(os.getenv("TREATY_PARSER_DIR"))
end
if mode == "lspconfig" then
  vim.opt.runtimepath:prepend(assert(os.getenv("TREATY_LSPCONFIG"), "TREATY_LSPCONFIG is not set"))
  vim.g.treaty_lsp = false
elseif mode == "start" then
  -- The branch plugin/treaty.lua takes on 0.9 and 0.10, forced on a newer Neovim.
  vim.g.treaty_force_start = true
end
-- The editors' own `treaty`, not whatever is on the PATH.
vim.env.PATH = vim.fn.fnamemodify(bin, ":h") .. ":" .. vim.env.PATH

local failures = {}
local function say(line)
  io.stdout:write(line .. "\n")
end
local function fail(why)
  table.insert(failures, why)
  say("FAIL: " .. why)
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    if mode == "lspconfig" then
      require("treaty.lspconfig").setup({})
      vim.cmd.edit() -- lspconfig attaches on FileType of buffers opened after setup
    end
    local buf = vim.api.nvim_get_current_buf()
    if vim.bo[buf].filetype ~= "treaty" then
      fail("filetype is '" .. vim.bo[buf].filetype .. "', not treaty")
    end
    if not vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
      fail("no diagnostics within 15 s")
    end
    local clients = (vim.lsp.get_clients or vim.lsp.get_active_clients)({ bufnr = buf })
    local names = {}
    for _, client in ipairs(clients) do
      table.insert(names, client.name)
    end
    say("nvim " .. tostring(vim.version()) .. ", mode " .. mode .. ", clients: " .. table.concat(names, ","))
    local misspelling = false
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      say(string.format("%d:%d %s %s", d.lnum + 1, d.col + 1, tostring(d.code), (d.message:gsub("\n.*", ""))))
      misspelling = misspelling or (d.code == "E104" and d.lnum == 2 and d.col == 7)
    end
    if not misspelling then
      fail("no E104 at 3:8 for `politcal` (sample.treaty)")
    end
    -- `armed-attack` is one word (ftplugin's iskeyword), as the server's completion sees it.
    local row = vim.fn.search("armed-attack", "w")
    if row > 0 then
      vim.api.nvim_win_set_cursor(0, { row, vim.fn.col(".") + 1 })
      local word = vim.fn.expand("<cword>")
      say("word under the cursor: " .. word)
      if word ~= "armed-attack" then
        fail("<cword> is '" .. word .. "'")
      end
    end
    -- Colouring and folding from the tree-sitter parser, when it is installed.
    if pcall(vim.treesitter.language.inspect, "treaty") then
      local captures = {}
      for _, c in ipairs(vim.treesitter.get_captures_at_pos(buf, 1, 0)) do
        table.insert(captures, c.capture)
      end
      say("tree-sitter captures on `treaty` (2:1): " .. table.concat(captures, ","))
      if not vim.tbl_contains(captures, "keyword") then
        fail("`treaty` on line 2 is not coloured as a keyword")
      end
      local level = vim.fn.foldlevel(3)
      say("fold level of line 3: " .. level)
      if vim.fn.has("nvim-0.10") == 1 and level < 1 then
        fail("the treaty block does not fold")
      end
    else
      say("tree-sitter parser: not installed")
    end
    say(#failures == 0 and "neovim: ok" or "neovim: FAILED")
    vim.cmd(#failures == 0 and "qall!" or "cquit! 1")
  end,
})
