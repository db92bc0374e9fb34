package output

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/lint"
	"github.com/apigwlint/apigwlint/rules"
)

// SARIF writes a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange
// Format), the format GitHub code scanning and most review tools import.
//
// Choices the standard leaves open:
//   - The run declares columnKind "unicodeCodePoints": apigwlint counts
//     columns in characters, not in the UTF-16 code units SARIF assumes by
//     default. The two agree except after a character outside the Basic
//     Multilingual Plane (an emoji), so a viewer that ignores columnKind is
//     at worst one column off per such character.
//   - Regions are half-open like apigwlint's ranges: endColumn is the
//     column after the last character, as SARIF defines it.
//   - File URIs are relative to the %SRCROOT% base, which
//     originalUriBaseIds resolves to the directory apigwlint ran in when
//     it is known. Characters outside [A-Za-z0-9-._~/] are percent-encoded,
//     so no file name can read as a URI scheme or break out of the URI.
//   - partialFingerprints["apigwlint/v1"] is the line-number-free hash
//     described at fingerprints.
type SARIF struct {
	Version string // tool version
	SrcRoot string // absolute directory the diagnostics' paths are relative to; "" = unresolved
}

// ProjectURI is the project's home page; rule help links point into its
// rule reference.
const ProjectURI = "https://github.com/apigwlint/apigwlint"

// RuleHelpURI is the address of a rule's entry in the rule reference.
func RuleHelpURI(id string) string {
	return ProjectURI + "/blob/main/docs/rules.md#" + id
}

const (
	sarifSchemaURI  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	srcRootID       = "%SRCROOT%"
	fingerprintName = "apigwlint/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	Help                 sarifMultiformat `json:"help"`
	HelpURI              string           `json:"helpUri"`
	DefaultConfiguration sarifRuleConfig  `json:"defaultConfiguration"`
}

type sarifRuleConfig struct {
	Enabled *bool  `json:"enabled,omitempty"` // only written when false
	Level   string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
	Properties          *sarifProperties  `json:"properties,omitempty"`
}

// sarifFix is a suggested fix (SARIF 2.1.0 §3.55): the edits of one file
// as replacements of byte regions. Whether the fix is safe (applied by
// --fix) has no SARIF field: it is in the fix's properties.
type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	Properties      sarifFixProperties    `json:"properties"`
}

type sarifFixProperties struct {
	Safe bool `json:"safe"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent *sarifText      `json:"insertedContent,omitempty"`
}

// sarifByteRegion is a region by byte offset and length (SARIF 3.30.2),
// which a fix's edits are given in.
type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

// sarifProperties carries what SARIF has no field for: where in the
// definition the finding is.
type sarifProperties struct {
	Document int    `json:"document"`
	Pointer  string `json:"pointer"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

// Format writes the report.
func (s *SARIF) Format(w io.Writer, res *lint.Result) error {
	all := rules.All()
	index := make(map[string]int, len(all))
	driver := sarifDriver{Name: "apigwlint", Version: s.Version, InformationURI: ProjectURI, Rules: make([]sarifRule, 0, len(all))}
	for i, r := range all {
		index[r.ID] = i
		driver.Rules = append(driver.Rules, sarifRuleOf(r))
	}
	base := sarifArtifactLocation{Description: &sarifText{Text: "The directory apigwlint ran in; every file path is relative to it."}}
	if s.SrcRoot != "" {
		base.URI = dirURI(s.SrcRoot)
	}
	inv := sarifInvocation{ExecutionSuccessful: len(res.Errors) == 0}
	for _, e := range res.Errors {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, sarifNotification{Level: "error", Message: sarifText{Text: e}})
	}
	run := sarifRun{
		Tool:               sarifTool{Driver: driver},
		Invocations:        []sarifInvocation{inv},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRootID: base},
		ColumnKind:         "unicodeCodePoints",
		Results:            make([]sarifResult, 0, len(res.Diags)),
	}
	prints := fingerprints(res)
	for i, d := range res.Diags {
		r := sarifResult{
			RuleID:              d.Rule,
			Level:               sarifLevel(d.Severity),
			Message:             sarifText{Text: d.Message},
			PartialFingerprints: map[string]string{fingerprintName: prints[i]},
			Properties:          &sarifProperties{Document: d.Document, Pointer: d.Pointer},
		}
		if n, ok := index[d.Rule]; ok {
			r.RuleIndex = &n
		}
		if d.File != "" {
			r.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalOf(d.File, d.Range)}}
		}
		if d.File != "" {
			r.Fixes = sarifFixesOf(d)
		}
		for j, rel := range d.Related {
			id := j + 1
			r.RelatedLocations = append(r.RelatedLocations, sarifLocation{
				ID: &id, PhysicalLocation: sarifPhysicalOf(rel.File, rel.Range), Message: &sarifText{Text: rel.Message},
			})
		}
		run.Results = append(run.Results, r)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // "<stdin>" and "&a" read better unescaped; both are valid JSON
	return enc.Encode(sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifRuleOf(r *rules.Rule) sarifRule {
	sr := sarifRule{
		ID:               r.ID,
		ShortDescription: sarifText{Text: r.Doc.Summary},
		FullDescription:  sarifText{Text: r.Doc.Why},
		Help:             sarifMultiformat{Text: r.Doc.Summary + "\n\n" + r.Doc.Why, Markdown: ruleMarkdown(r)},
		HelpURI:          RuleHelpURI(r.ID),
		DefaultConfiguration: sarifRuleConfig{
			Level: sarifLevel(r.Severity),
		},
	}
	if sr.FullDescription.Text == "" {
		sr.FullDescription.Text = r.Doc.Summary
	}
	if r.Severity == diag.Off {
		off := false
		sr.DefaultConfiguration.Enabled = &off
	}
	return sr
}

// ruleMarkdown is the help shown beside an alert in code scanning: the
// rule's summary, why it matters and its examples.
func ruleMarkdown(r *rules.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n%s\n", r.Doc.Summary, r.Doc.Why)
	example := func(title, one string, many map[string]string) {
		if one == "" && len(many) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s:\n\n```yaml\n", title)
		if one != "" {
			b.WriteString(strings.TrimRight(one, "\n") + "\n")
		}
		names := make([]string, 0, len(many))
		for name := range many {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			fmt.Fprintf(&b, "# %s\n%s\n", name, strings.TrimRight(many[name], "\n"))
		}
		b.WriteString("```\n")
	}
	example("Fires on", r.Doc.Bad, r.Doc.BadFiles)
	example("Does not fire on", r.Doc.Good, r.Doc.GoodFiles)
	fmt.Fprintf(&b, "\n[Rule reference](%s)\n", RuleHelpURI(r.ID))
	return b.String()
}

func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return "none"
}

// sarifFixesOf gives a diagnostic's fixes as SARIF fixes of its file.
func sarifFixesOf(d diag.Diagnostic) []sarifFix {
	var out []sarifFix
	for _, f := range d.Fixes {
		if len(f.Edits) == 0 {
			continue
		}
		change := sarifArtifactChange{ArtifactLocation: artifactOf(d.File), Replacements: make([]sarifReplacement, 0, len(f.Edits))}
		for _, e := range f.Edits {
			rep := sarifReplacement{DeletedRegion: sarifByteRegion{ByteOffset: e.Start, ByteLength: e.End - e.Start}}
			if e.NewText != "" {
				rep.InsertedContent = &sarifText{Text: e.NewText}
			}
			change.Replacements = append(change.Replacements, rep)
		}
		out = append(out, sarifFix{Description: sarifText{Text: f.Message}, ArtifactChanges: []sarifArtifactChange{change},
			Properties: sarifFixProperties{Safe: f.Safe}})
	}
	return out
}

func sarifPhysicalOf(file string, r diag.Range) sarifPhysical {
	p := sarifPhysical{ArtifactLocation: artifactOf(file)}
	if r.Start.Line < 1 {
		return p // no usable position: the finding is about the whole file
	}
	reg := &sarifRegion{StartLine: r.Start.Line}
	if r.Start.Col >= 1 {
		reg.StartColumn = r.Start.Col
	}
	if r.End.Line >= r.Start.Line && r.End.Col >= 1 && !r.End.Less(r.Start) {
		reg.EndLine, reg.EndColumn = r.End.Line, r.End.Col
		if reg.StartColumn == 0 {
			reg.StartColumn = 1
		}
	}
	p.Region = reg
	return p
}

// artifactOf turns a diagnostic's path (relative to the working directory,
// '/' separators) into a SARIF artifact location: a relative URI against
// %SRCROOT%, or an absolute file URI when the engine could not make the
// path relative.
func artifactOf(file string) sarifArtifactLocation {
	slashed := filepath.ToSlash(file)
	if filepath.IsAbs(file) || strings.HasPrefix(slashed, "/") || filepath.VolumeName(file) != "" {
		if !strings.HasPrefix(slashed, "/") {
			slashed = "/" + slashed // C:/x → /C:/x, as in file:///C:/x
		}
		return sarifArtifactLocation{URI: "file://" + escapePath(slashed, true)}
	}
	return sarifArtifactLocation{URI: escapePath(slashed, false), URIBaseID: srcRootID}
}

// dirURI is the file URI of a directory, ending in '/' as SARIF requires
// of a base.
func dirURI(dir string) string {
	u := artifactOf(filepath.Clean(dir)).URI
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// escapePath percent-encodes every byte of a path except unreserved
// characters and '/' (and, in an absolute path, the ':' of a Windows drive
// letter).
func escapePath(p string, absolute bool) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
			b.WriteByte(c)
		case c == ':' && absolute && i == 2 && p[0] == '/':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}
