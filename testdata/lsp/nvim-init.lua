-- Neovim (0.7 or newer) as the client of `apigwlint lsp`, for TestNeovim:
-- start the server, open a faulty file, wait for its diagnostics, hover,
-- fix the buffer and wait for the list to clear; misspell a key, apply the
-- server's quick fix and wait for the list to clear again; write what the
-- editor saw to $APIGWLINT_OUT. vim.lsp.start_client and buf_attach_client exist on
-- 0.7 (Debian 12); vim.lsp.start would need 0.8.
local bin, file, out = os.getenv("APIGWLINT_BIN"), os.getenv("APIGWLINT_FILE"), os.getenv("APIGWLINT_OUT")
local fixed = os.getenv("APIGWLINT_FIXED")
local lines = {}
local function log(s) table.insert(lines, s) end
local function finish()
  vim.fn.writefile(lines, out)
  vim.cmd("qa!")
end

local ok, err = pcall(function()
  log("nvim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor))
  local id = vim.lsp.start_client({
    name = "apigwlint",
    cmd = { bin, "lsp", "--debounce", "50ms" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
  })
  if not id then log("ERROR start_client failed") return end
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, id)
  if not vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    log("ERROR no diagnostics within 15 s")
    return
  end
  local ds = vim.diagnostic.get(buf)
  table.sort(ds, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  for _, d in ipairs(ds) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    log(string.format("diag %d:%d-%d:%d severity=%d source=%s code=%s %s",
      d.lnum, d.col, d.end_lnum, d.end_col, d.severity, tostring(d.source), tostring(code), d.message))
  end
  -- Hover on "Visibility" (line 6, 0-based 5).
  local res = vim.lsp.buf_request_sync(buf, "textDocument/hover",
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 5, character = 2 } }, 5000)
  for _, r in pairs(res or {}) do
    if r.result then log("hover " .. vim.split(r.result.contents.value, "\n")[1]) end
    if r.err then log("ERROR hover " .. vim.inspect(r.err)) end
  end
  -- Fix the file in the buffer: the editor sends didChange; the list clears.
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.fn.readfile(fixed))
  if vim.wait(15000, function() return #vim.diagnostic.get(buf) == 0 end, 20) then
    log("cleared")
  else
    log("ERROR diagnostics not cleared: " .. #vim.diagnostic.get(buf))
    return
  end
  -- Misspell a key inside the JSON string, after CJK: the quick fix the
  -- server offers, applied by the editor, clears the diagnostic.
  local row = 5 -- RequestConfig's line, 0-based
  local good = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
  local typo = good:gsub("RequestHttpMethod", "RequestHttpMetod")
  vim.api.nvim_buf_set_lines(buf, row, row + 1, false, { typo })
  if not vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    log("ERROR no diagnostic for the typo")
    return
  end
  local d = vim.diagnostic.get(buf)[1]
  local uri = vim.uri_from_bufnr(buf)
  local lsp = d.user_data and d.user_data.lsp or {}
  local r = lsp.range or { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } }
  res = vim.lsp.buf_request_sync(buf, "textDocument/codeAction",
    { textDocument = { uri = uri }, range = r, context = { diagnostics = { lsp } } }, 5000)
  local action
  for _, x in pairs(res or {}) do
    if x.err then log("ERROR codeAction " .. vim.inspect(x.err)) end
    for _, a in ipairs(x.result or {}) do
      if a.kind == "quickfix" and a.isPreferred then action = a end
    end
  end
  if not action then log("ERROR no preferred quick fix: " .. vim.inspect(res)) return end
  log("action " .. (action.title:find("RequestHttpMethod", 1, true) and "names RequestHttpMethod" or action.title))
  vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
  log(vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1] == good and "fixed" or
    "ERROR after the fix: " .. vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1])
  if vim.wait(15000, function() return #vim.diagnostic.get(buf) == 0 end, 20) then
    log("cleared")
  else
    log("ERROR diagnostic not cleared after the quick fix")
  end
end)
if not ok then log("ERROR " .. tostring(err)) end
finish()
