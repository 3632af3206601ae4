package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Format is how findings are printed.
type Format string

// Formats: plain lines, a JSON array, or GitHub Actions workflow commands.
const (
	Text   Format = "text"
	JSON   Format = "json"
	GitHub Format = "github"
)

// ParseFormat parses a --format value.
func ParseFormat(s string) (Format, bool) {
	switch f := Format(s); f {
	case Text, JSON, GitHub:
		return f, true
	}
	return "", false
}

type jsonFinding struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	Severity   string `json:"severity"`
	Rule       string `json:"rule"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion"`
}

// Print writes the findings of l to w in format. With color set, text output
// marks severities with ANSI colours.
func Print(w io.Writer, l *List, format Format, color bool) error {
	switch format {
	case JSON:
		out := make([]jsonFinding, 0, l.Len())
		for _, f := range l.Items() {
			out = append(out, jsonFinding{f.File, f.Line, f.Column, f.Severity.String(), f.Rule, f.Message, f.Suggestion})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case GitHub:
		var b strings.Builder
		for _, f := range l.Items() {
			kind := "notice"
			switch f.Severity {
			case Error:
				kind = "error"
			case Warning:
				kind = "warning"
			}
			msg := f.Message
			if f.Suggestion != "" {
				msg += " (" + f.Suggestion + ")"
			}
			fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", kind,
				ghProperty(f.File), f.Line, f.Column, ghProperty(f.Rule), ghData(msg))
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	var b strings.Builder
	for _, f := range l.Items() {
		sev := f.Severity.String()
		if color {
			sev = colorize(f.Severity, sev)
		}
		fmt.Fprintf(&b, "%s: %s %s: %s", f.Pos, sev, f.Rule, f.Message)
		if f.Suggestion != "" {
			fmt.Fprintf(&b, " (%s)", f.Suggestion)
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func colorize(s Severity, text string) string {
	code := "36" // info: cyan
	switch s {
	case Error:
		code = "1;31"
	case Warning:
		code = "33"
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
