package lsp

import (
	"encoding/json"
	"testing"
)

// TestParseOptions checks that initializationOptions reach the analyzer's
// settings (its flags show them).
func TestParseOptions(t *testing.T) {
	for _, tc := range []struct {
		options                  string
		minDelay, delay, disable string
	}{
		{``, "5s", "15s", ""},
		{`null`, "5s", "15s", ""},
		{`{}`, "5s", "15s", ""},
		{`{"min-delay": "1s"}`, "1s", "15s", ""},
		{`{"min-delay": "0s", "delay": "1m30s", "grace-period": "2m"}`, "0s", "1m30s", ""},
		{`{"disable": ["missing-sigterm"]}`, "5s", "15s", "missing-sigterm"},
		{`{"disable": " missing-sigterm ,"}`, "5s", "15s", "missing-sigterm"},
		{`{"disable": {}}`, "5s", "15s", ""},
		{`{"disable": []}`, "5s", "15s", ""},
	} {
		a, err := parseOptions(json.RawMessage(tc.options))
		if err != nil {
			t.Errorf("%s: %v", tc.options, err)
			continue
		}
		for flag, want := range map[string]string{"min-delay": tc.minDelay, "delay": tc.delay, "disable": tc.disable} {
			if got := a.Flags.Lookup(flag).Value.String(); got != want {
				t.Errorf("%s: -%s = %q, want %q", tc.options, flag, got, want)
			}
		}
	}
}
