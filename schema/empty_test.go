package schema

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/apigwlint/apigwlint/internal/source"
)

// Tools send "" for every optional value they leave unset (Terraform's
// request structs have no omitempty; Serverless Devs merges empty defaults
// into every API), and the gateway accepts it. Every optional string
// parameter, at the top level and inside RequestConfig, ServiceConfig and a
// RequestParameters item, must therefore accept "", and every required one
// must say that it is required.
func TestEmptyOptionalIsAbsent(t *testing.T) {
	s := MustGet(CreateApi)
	type place struct {
		def     string // $defs entry, "" for the top level
		context func(key string) string
	}
	top := func(extra string) string {
		return "Action: CreateApi\nGroupId: g1\nApiName: GetUser\nVisibility: PRIVATE\n" +
			"RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users%RC%}\n" +
			"ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000%SC%}\n" +
			"RequestParameters: [{ApiParameterName: q, Location: QUERY, ParameterType: String, Required: OPTIONAL%RP%}]\n" + extra
	}
	fill := func(doc, marker, with string) string {
		for _, m := range []string{"%RC%", "%SC%", "%RP%"} {
			if m == marker {
				doc = strings.ReplaceAll(doc, m, with)
			} else {
				doc = strings.ReplaceAll(doc, m, "")
			}
		}
		return doc
	}
	places := []place{
		{"", func(k string) string { return fill(top(k+": ''\n"), "", "") }},
		{"RequestConfig", func(k string) string { return fill(top(""), "%RC%", ", "+k+": ''") }},
		{"ServiceConfig", func(k string) string { return fill(top(""), "%SC%", ", "+k+": ''") }},
		{"RequestParameter", func(k string) string { return fill(top(""), "%RP%", ", "+k+": ''") }},
	}
	checked := 0
	for _, p := range places {
		obj := s.Root
		if p.def != "" {
			obj = s.Root["$defs"].(map[string]any)[p.def].(map[string]any)
		}
		required := requiredSet(obj)
		props := obj["properties"].(map[string]any)
		keys := make([]string, 0, len(props))
		for k := range props {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fs := props[k].(map[string]any)
			if k == "Action" || !(fs[markJSONString] == true || typeAllows(s.resolve(fs), "string")) {
				continue
			}
			base := fill(top(""), "", "")
			var src string
			switch {
			case required[k] && fs[markJSONString] == true:
				continue // RequestConfig: '' is not JSON: embedded-json's case
			case p.def == "" && strings.Contains(base, "\n"+k+": "):
				// A top-level key the base document sets: empty its line.
				src = regexp.MustCompile(`(?m)^`+k+`: .*$`).ReplaceAllString(base, k+": ''")
			case required[k] || regexp.MustCompile(`[{ ]`+k+`: `).MatchString(base):
				// A key the base document sets inside a flow mapping:
				// empty its value.
				src = regexp.MustCompile(`\b`+k+`: [^,}\n]+`).ReplaceAllString(base, k+": ''")
			default:
				src = p.context(k)
			}
			f := source.Load("x.yaml", []byte(src), source.Options{})
			if len(f.Problems) > 0 || len(f.Docs) != 1 {
				t.Fatalf("%s.%s: test document does not load: %v\n%s", p.def, k, f.Problems, src)
			}
			diags := Check(f.Docs[0].Root, CreateApi, "x.yaml", 0)
			checked++
			if !required[k] {
				for _, d := range diags {
					t.Errorf("%s.%s: \"\" is an optional value left unset, but: %s", p.def, k, d.Message)
				}
				continue
			}
			if len(diags) != 1 || !strings.Contains(diags[0].Message, "is empty, but it is required") {
				t.Errorf("%s.%s: an empty required value must be one diagnostic saying it is required, got %v", p.def, k, diags)
			}
		}
	}
	if checked < 40 {
		t.Errorf("only %d parameters checked: the test no longer reaches the schema", checked)
	}
}

// Serverless Devs turns an empty YAML value (defaultValue:) into null when
// it stringifies the parameter lists, and null reads as unset like "": an
// optional parameter of any type holding null, at the top level, in
// RequestConfig, ServiceConfig or a request parameter (structured or as a
// JSON string), gives no diagnostic. A required one still does.
func TestNullOptionalIsAbsent(t *testing.T) {
	s := MustGet(CreateApi)
	base := map[string]map[string]string{
		"":                 {"GroupId": "'g1'", "ApiName": "GetUser", "Visibility": "PRIVATE"},
		"RequestConfig":    {"RequestProtocol": "HTTPS", "RequestHttpMethod": "GET", "RequestPath": "/users"},
		"ServiceConfig":    {"ServiceProtocol": "HTTP", "ServiceAddress": "'http://users.internal:8080'", "ServiceTimeout": "3000"},
		"RequestParameter": {"ApiParameterName": "q", "Location": "QUERY", "ParameterType": "String", "Required": "OPTIONAL"},
	}
	doc := func(def, key string, asString bool) string {
		flow := func(d string) string {
			var parts []string
			keys := make([]string, 0, len(base[d]))
			for k := range base[d] {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				parts = append(parts, k+": "+base[d][k])
			}
			if d == def {
				parts = append(parts, key+": null")
			}
			if asString {
				// The same object as a JSON string, as the tools send it.
				for i, p := range parts {
					k, v, _ := strings.Cut(p, ": ")
					v = strings.Trim(v, "'")
					if v != "null" && v != "3000" {
						v = `"` + v + `"`
					}
					parts[i] = `"` + k + `": ` + v
				}
				return "'{" + strings.Join(parts, ", ") + "}'"
			}
			return "{" + strings.Join(parts, ", ") + "}"
		}
		var b strings.Builder
		b.WriteString("Action: CreateApi\n")
		for _, k := range []string{"GroupId", "ApiName", "Visibility"} {
			b.WriteString(k + ": " + base[""][k] + "\n")
		}
		if def == "" {
			b.WriteString(key + ": null\n")
		}
		b.WriteString("RequestConfig: " + flow("RequestConfig") + "\n")
		b.WriteString("ServiceConfig: " + flow("ServiceConfig") + "\n")
		rp := flow("RequestParameter")
		if asString {
			rp = "'[" + strings.Trim(rp, "'") + "]'"
		} else {
			rp = "[" + rp + "]"
		}
		b.WriteString("RequestParameters: " + rp + "\n")
		return b.String()
	}
	checked := 0
	for _, def := range []string{"", "RequestConfig", "ServiceConfig", "RequestParameter"} {
		obj := s.Root
		if def != "" {
			obj = s.Root["$defs"].(map[string]any)[def].(map[string]any)
		}
		required := requiredSet(obj)
		keys := make([]string, 0)
		for k := range obj["properties"].(map[string]any) {
			if _, set := base[def][k]; !set && k != "Action" && k != "RequestConfig" && k != "ServiceConfig" && k != "RequestParameters" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			for _, asString := range []bool{false, true} {
				if asString && def == "" {
					continue
				}
				src := doc(def, k, asString)
				f := source.Load("x.yaml", []byte(src), source.Options{})
				if len(f.Problems) > 0 || len(f.Docs) != 1 {
					t.Fatalf("%s.%s: test document does not load: %v\n%s", def, k, f.Problems, src)
				}
				diags := Check(f.Docs[0].Root, CreateApi, "x.yaml", 0)
				checked++
				if required[k] {
					if len(diags) == 0 {
						t.Errorf("%s.%s: null in a required key passes\n%s", def, k, src)
					}
					continue
				}
				for _, d := range diags {
					t.Errorf("%s.%s (JSON string: %v): null is an optional value left unset, but: %s\n%s", def, k, asString, d.Message, src)
				}
			}
		}
	}
	if checked < 80 {
		t.Errorf("only %d documents checked: the test no longer reaches the schema", checked)
	}
}
