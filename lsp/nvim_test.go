package lsp

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// nvimInit is the init file of the headless Neovim that TestNeovim drives.
// It starts sigtermcheck-lsp for Go buffers the way the README tells users
// to (vim.lsp.start on Neovim 0.8 and later; vim.lsp.start_client and
// vim.lsp.buf_attach_client before, as on Debian 12's 0.7), opens the
// file, waits for the diagnostics, applies the quick fix through the
// editor's own code paths (range parameters from the cursor, and
// apply_workspace_edit with the client's offset encoding), writes the file
// and waits for the diagnostics to clear. It records what it saw in a JSON
// file and quits; every wait is bounded.
const nvimInit = `
local env = vim.env
local result = { diagnostics = {}, timings = {} }
local hrtime = (vim.uv or vim.loop).hrtime
local t0 = hrtime()
local WAIT = tonumber(env.SIGTERMCHECK_WAIT_MS)

local function ms() return math.floor((hrtime() - t0) / 1e6) end

-- The server's log comes as window/logMessage, which Neovim writes to its
-- lsp.log at level INFO; what a server writes on stderr it logs as ERROR.
vim.lsp.set_log_level('info')
result.lsp_log = vim.lsp.get_log_path()

local config = {
  name = 'sigtermcheck',
  cmd = { env.SIGTERMCHECK_LSP },
  root_dir = env.SIGTERMCHECK_ROOT,
  init_options = { ['min-delay'] = '5s' },
}

local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'go',
  callback = function(args)
    if vim.lsp.start then
      client_id = vim.lsp.start(config, { bufnr = args.buf })
    else
      client_id = client_id or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})

local function ours(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'sigtermcheck' and d.code == 'missing-sigterm' then
      table.insert(list, d)
    end
  end
  return list
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(env.SIGTERMCHECK_FILE))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype
  if not client_id then error('the FileType autocommand did not start the server') end

  if not vim.wait(WAIT, function() return #ours(buf) > 0 end, 20) then
    error('no diagnostics within ' .. WAIT .. ' ms')
  end
  result.timings.first_diagnostics_ms = ms()
  local diags = ours(buf)
  for _, d in ipairs(diags) do
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      code = d.code, source = d.source, message = d.message, severity = d.severity,
    })
  end

  -- Put the cursor on the diagnostic and ask for code actions as
  -- vim.lsp.buf.code_action does, then apply the quick fix.
  local d = diags[1]
  local client = vim.lsp.get_client_by_id(client_id)
  result.offset_encoding = client.offset_encoding
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = { d.user_data and d.user_data.lsp or nil } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, WAIT)
  if not responses then error('no code action response within ' .. WAIT .. ' ms') end
  local action
  for _, r in pairs(responses) do
    if r.error then error('codeAction: ' .. vim.inspect(r.error)) end
    for _, a in ipairs(r.result or {}) do
      if a.kind == 'quickfix' and a.title == 'Add syscall.SIGTERM to the subscribed signals' then action = a end
    end
  end
  if not action then error('no quick fix in ' .. vim.inspect(responses)) end
  result.action_title = action.title
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  vim.cmd('write')

  -- The save is analyzed again, and the diagnostic goes away.
  result.cleared = vim.wait(WAIT, function() return #ours(buf) == 0 end, 20)
  result.timings.cleared_ms = ms()
end

vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(run, debug.traceback)
      if not ok then result.error = tostring(err) end
      local f = assert(io.open(env.SIGTERMCHECK_OUT, 'w'))
      f:write(vim.json.encode(result))
      f:close()
      vim.cmd('qa!')
    end)
  end,
})
`

// nvimResult is what nvimInit records.
type nvimResult struct {
	Error          string `json:"error"`
	LSPLog         string `json:"lsp_log"`
	Filetype       string `json:"filetype"`
	OffsetEncoding string `json:"offset_encoding"`
	Diagnostics    []struct {
		Lnum     int    `json:"lnum"`
		Col      int    `json:"col"`
		EndLnum  int    `json:"end_lnum"`
		EndCol   int    `json:"end_col"`
		Code     string `json:"code"`
		Source   string `json:"source"`
		Message  string `json:"message"`
		Severity int    `json:"severity"`
	} `json:"diagnostics"`
	ActionTitle string `json:"action_title"`
	Cleared     bool   `json:"cleared"`
	Timings     struct {
		FirstDiagnosticsMS int `json:"first_diagnostics_ms"`
		ClearedMS          int `json:"cleared_ms"`
	} `json:"timings"`
}

// TestNeovim drives the server from a real editor: a headless Neovim
// opens a program that subscribes to os.Interrupt only, shows the
// diagnostic, applies the quick fix and saves the file.
func TestNeovim(t *testing.T) {
	t.Parallel() // each loads and analyzes a program for seconds
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("nvim is not on PATH; CI must install it (apt-get update && apt-get install -y neovim)")
		}
		t.Skip("nvim is not on PATH (install it with apt-get install -y neovim)")
	}
	if out, err := exec.Command(nvim, "--version").Output(); err == nil {
		t.Logf("%s", strings.SplitN(string(out), "\n", 2)[0])
	}

	tmp := t.TempDir()
	bin := filepath.Join(tmp, "sigtermcheck-lsp")
	build := exec.Command("go", "build", "-o", bin, "github.com/sigtermcheck/sigtermcheck/cmd/sigtermcheck-lsp")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	dir := writeModule(t, map[string]string{"main.go": interruptOnly})
	file := filepath.Join(dir, "main.go")
	initFile := filepath.Join(tmp, "init.lua")
	out := filepath.Join(tmp, "result.json")
	if err := os.WriteFile(initFile, []byte(nvimInit), 0o644); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 3*wait)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-u", initFile)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"SIGTERMCHECK_LSP="+bin,
		"SIGTERMCHECK_ROOT="+dir,
		"SIGTERMCHECK_FILE="+file,
		"SIGTERMCHECK_OUT="+out,
		"SIGTERMCHECK_WAIT_MS="+strconv.Itoa(int(wait/time.Millisecond)),
		// Keep Neovim's own state (lsp.log, shada) out of $HOME.
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"),
		"XDG_DATA_HOME="+filepath.Join(tmp, "data"),
		"XDG_STATE_HOME="+filepath.Join(tmp, "state"),
		"XDG_CACHE_HOME="+filepath.Join(tmp, "cache"),
	)
	start := time.Now()
	output, err := cmd.CombinedOutput()
	elapsed := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("nvim did not finish within %v\n%s", 3*wait, output)
	}
	if err != nil {
		t.Fatalf("nvim: %v\n%s", err, output)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("nvim wrote no result: %v\n%s", err, output)
	}
	var res nvimResult
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatalf("result %s: %v", raw, err)
	}
	if res.Error != "" {
		t.Fatalf("the Neovim script failed: %s\n%s", res.Error, output)
	}
	t.Logf("nvim ran %v; diagnostics shown %d ms after start, cleared at %d ms", elapsed.Round(time.Millisecond),
		res.Timings.FirstDiagnosticsMS, res.Timings.ClearedMS)
	// Neovim's lsp.log has the server's log lines, as information, and
	// no error.
	lspLog, err := os.ReadFile(res.LSPLog)
	if err != nil {
		t.Fatalf("Neovim's lsp.log: %v", err)
	}
	t.Logf("Neovim's lsp.log:\n%s", lspLog)
	if m := regexp.MustCompile(`first diagnostics published (\S+) after`).FindSubmatch(lspLog); m != nil {
		t.Logf("time to first diagnostics (server): %s", m[1])
	}
	if !regexp.MustCompile(`(?m)^\[INFO\].*analyzed 1 package\(s\)`).Match(lspLog) {
		t.Error("Neovim's lsp.log has no INFO line with the server's \"analyzed 1 package(s)\"")
	}
	if regexp.MustCompile(`(?m)^\[ERROR\]`).Match(lspLog) {
		t.Error("Neovim's lsp.log has ERROR lines")
	}

	if res.Filetype != "go" || res.OffsetEncoding != "utf-16" {
		t.Errorf("filetype %q, offset encoding %q; want go, utf-16", res.Filetype, res.OffsetEncoding)
	}
	// Neovim shows byte columns: the UTF-16 columns the server sent (12
	// and 42) convert back to bytes 15 and 45 only if they were right.
	if len(res.Diagnostics) != 1 {
		t.Fatalf("got %d missing-sigterm diagnostics, want 1: %+v", len(res.Diagnostics), res.Diagnostics)
	}
	d := res.Diagnostics[0]
	if d.Lnum != 10 || d.Col != 15 || d.EndLnum != 10 || d.EndCol != 45 {
		t.Errorf("diagnostic at %d:%d-%d:%d, want 10:15-10:45 (0-based lines, byte columns)", d.Lnum, d.Col, d.EndLnum, d.EndCol)
	}
	if d.Code != "missing-sigterm" || d.Source != "sigtermcheck" || !isMissingMessage(d.Message) || d.Severity != SeverityWarning {
		t.Errorf("diagnostic %+v, want code missing-sigterm, source sigtermcheck, the message of a SIGINT-only signal.Notify, severity warning", d)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != interruptOnlyFixed {
		t.Errorf("saved file:\n%s\nwant:\n%s", got, interruptOnlyFixed)
	}
	if !res.Cleared {
		t.Errorf("the diagnostic was not cleared after the fixed file was saved")
	}
}
