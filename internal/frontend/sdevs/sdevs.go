// Package sdevs is the front-end of Serverless Devs files (s.yaml) that
// use the apigateway component (devsapp/apigateway): every item of a
// service's props.apis is a CreateApi definition, read as the component
// sends it (docs/sources.md#devs-component). The component upper-cases the
// first letter of every key, looks the group up by its name, and merges
// defaults of its own into every API; those defaults are never reported,
// only what the user wrote is checked, at its place in the file.
// ${vars.x} placeholders are resolved from the file's vars; any other
// placeholder is a symbolic value.
package sdevs

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apigwlint/apigwlint/internal/facts"
	"github.com/apigwlint/apigwlint/internal/frontend"
	"github.com/apigwlint/apigwlint/internal/source"
	"github.com/apigwlint/apigwlint/schema"
)

// Frontend reads Serverless Devs files.
var Frontend = &frontend.Frontend{Name: "serverless-devs", Match: match, Load: load,
	// A group name may be put together from variables.
	MayCompute: func(data []byte) bool { return bytes.Contains(data, []byte("${")) },
	Spelling:   spelling}

// spelling: the component's users write keys in lower camel case (it
// upper-cases them); the group comes from groupName, not GroupId.
func spelling(op, pointer, name string) (string, bool) {
	if pointer == "" && name == "GroupId" {
		return "", false
	}
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToLower(r)) + name[n:], true
}

func match(path string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".yaml", ".yml":
		return bytes.Contains(data, []byte("component")) && bytes.Contains(data, []byte("apis")) &&
			(bytes.Contains(data, []byte("services")) || bytes.Contains(data, []byte("resources")))
	}
	return false
}

// defaultRegion is the component's regionId when none is given
// (publish.yaml).
const defaultRegion = "cn-hongkong"

// componentSettings are keys of an API that configure the component, not
// the API: they choose the group, region and stage (docs/sources.md#devs-component).
var componentSettings = map[string]bool{"GroupName": true, "RegionId": true, "InstanceId": true, "StageName": true}

func load(path string, data []byte, each func(*frontend.Definition)) *source.File {
	f := source.Load(path, data, source.DefaultOptions)
	ordinal := 0
	for _, doc := range f.Docs {
		services := servicesOf(doc.Root)
		if services == nil {
			op, d := schema.DetectIn(doc.Root, path, doc.Index, f)
			each(&frontend.Definition{Op: op, Root: doc.Root, Doc: doc.Index, Problem: d, File: f})
			continue
		}
		r := &reader{file: path, vars: doc.Root.Get("vars")}
		found := false
		for _, svc := range services.Fields {
			props := svc.Value.Get("props")
			apis := props.Get("apis")
			if !isGateway(svc.Value.Str("component"), apis) || apis == nil || apis.Kind != source.Array {
				continue
			}
			region := r.setting(props.Get("regionId"), defaultRegion)
			group := r.setting(props.Get("groupName"), "")
			for _, item := range apis.Items {
				if item.Kind != source.Object {
					continue
				}
				// An API's own regionId and groupName stay in force
				// for the APIs after it (the component keeps them in
				// its state).
				region = r.setting(item.Get("regionId"), region)
				group = r.setting(item.Get("groupName"), group)
				def := r.api(item, region, group)
				def.Doc = ordinal
				def.File = f
				ordinal++
				found = true
				each(def)
			}
		}
		if !found {
			each(&frontend.Definition{Doc: doc.Index, Problem: frontend.NotDefinition(path, doc.Index, doc.Root.Fields[0].KeyRange,
				"the Serverless Devs file has no service of the apigateway component")})
		}
	}
	return f
}

// servicesOf returns the services of a Serverless Devs document (services:
// in edition 1.x and 2.x, resources: in 3.x), or nil when it is not one.
func servicesOf(root *source.Node) *source.Node {
	if root == nil || root.Kind != source.Object {
		return nil
	}
	for _, key := range []string{"services", "resources"} {
		if s := root.Get(key); s != nil && s.Kind == source.Object {
			for _, f := range s.Fields {
				if f.Value.Get("component") != nil {
					return s
				}
			}
		}
	}
	return nil
}

// isGateway reports whether a service is the apigateway component: by its
// name (apigateway, devsapp/apigateway, with any version), or, for a
// component given as a local path, by the shape of its props.
func isGateway(component string, apis *source.Node) bool {
	name := component
	if i := strings.LastIndexAny(name, "/\\"); i >= 0 {
		name = name[i+1:]
	}
	name, _, _ = strings.Cut(name, "@")
	if name == "apigateway" {
		return true
	}
	if apis == nil || apis.Kind != source.Array || len(apis.Items) == 0 {
		return false
	}
	first := apis.Items[0]
	return first.Get("apiName") != nil && first.Get("requestConfig") != nil
}

type reader struct {
	file string
	vars *source.Node
}

// setting reads a component setting as text: its value with variables
// resolved, or fallback when it is absent; a setting that cannot be
// resolved is the placeholder as written, prefixed with the file.
func (r *reader) setting(n *source.Node, fallback string) string {
	if n == nil {
		return fallback
	}
	if v, ok := r.expand(n.Scalar()); ok {
		return v
	}
	return r.file + ":" + n.Scalar()
}

// expand replaces ${vars.KEY} placeholders with the value of vars.KEY; ok
// is false when a placeholder remains that the file alone cannot resolve
// (${env(X)}, another service's output, …).
func (r *reader) expand(s string) (string, bool) {
	return r.expandDepth(s, 0)
}

// expandDepth is expand inside depth levels of variables: a variable that
// refers to itself, or a chain too long to be real, is not resolved; and
// a value that grows too long is not either.
func (r *reader) expandDepth(s string, depth int) (string, bool) {
	if depth > 20 || len(s) > 1<<16 {
		return "", false
	}
	if !strings.Contains(s, "${") {
		return s, true
	}
	var b strings.Builder
	for {
		open := strings.Index(s, "${")
		if open < 0 {
			b.WriteString(s)
			return b.String(), true
		}
		end := strings.IndexByte(s[open:], '}')
		if end < 0 {
			return "", false
		}
		b.WriteString(s[:open])
		expr := strings.TrimSpace(s[open+2 : open+end])
		s = s[open+end+1:]
		name, ok := strings.CutPrefix(expr, "vars.")
		if !ok {
			return "", false
		}
		cur := r.vars
		for _, part := range strings.Split(name, ".") {
			cur = cur.Get(part)
		}
		if cur == nil || (cur.Kind != source.String && cur.Kind != source.Number && cur.Kind != source.Bool) {
			return "", false
		}
		v, ok := r.expandDepth(cur.Scalar(), depth+1)
		if !ok {
			return "", false
		}
		b.WriteString(v)
		if b.Len() > 1<<16 {
			return "", false
		}
	}
}

// resolve replaces the placeholders of every string below n: resolved
// text, or a symbolic value.
func (r *reader) resolve(n *source.Node) {
	n.Walk(func(x *source.Node) bool {
		if x.Kind == source.String && strings.Contains(x.Value, "${") {
			if v, ok := r.expand(x.Value); ok {
				x.Value = v
			} else {
				x.SetSymbol(facts.Symbolic(fmt.Sprintf("devs:%s@%d:%d", r.file, x.Range.Start.Line, x.Range.Start.Col), ""))
				x.Value = ""
			}
		}
		return true
	})
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// implicit is a value the component fills in, at the place of the API.
func implicit(at *source.Node, v string) *source.Node {
	return &source.Node{Kind: source.String, Value: v, Implicit: true, Range: at.Range}
}

// fill gives obj each key of defaults that it lacks (keys match ignoring
// the case of their first letter, as the component's merge makes them one
// key), as implicit values.
func fill(obj *source.Node, defaults ...string) {
	for i := 0; i+1 < len(defaults); i += 2 {
		key := defaults[i]
		has := false
		for _, f := range obj.Fields {
			if upperFirst(f.Key) == key {
				has = true
				break
			}
		}
		if !has {
			obj.Fields = append(obj.Fields, &source.Field{Key: key, RawKey: key, Value: implicit(obj, defaults[i+1])})
		}
	}
}

// api is one item of props.apis as the CreateApi request the component
// sends.
func (r *reader) api(item *source.Node, region, group string) *frontend.Definition {
	r.resolve(item)
	root := &source.Node{Kind: source.Object, Range: item.Range}
	for _, f := range item.Fields {
		key := upperFirst(f.Key)
		if componentSettings[key] || key == "GroupId" {
			// Settings of the component; the group ID is the one it
			// looks up by name, whatever the API says.
			continue
		}
		root.Fields = append(root.Fields, &source.Field{Key: key, RawKey: f.RawKey, KeyRange: f.KeyRange, Value: f.Value})
	}
	// The group is found by its name in the region: APIs of files with
	// the same region and group name share a group.
	groupKey := facts.Symbolic(fmt.Sprintf("devs:%s@%d:%d", r.file, item.Range.Start.Line, item.Range.Start.Col), "")
	if group != "" {
		groupKey = facts.Symbolic("devs:"+region+"/"+group, group)
	}
	groupNode := &source.Node{Kind: source.String, Implicit: true, Range: item.Range}
	groupNode.SetSymbol(groupKey)
	root.Fields = append([]*source.Field{{Key: "GroupId", RawKey: "groupName", Value: groupNode}}, root.Fields...)
	// The defaults the component merges into every API (entity.ts
	// BASIC_API_INPUTS), where they make a definition complete.
	fill(root, "Visibility", "PRIVATE", "AuthType", "ANONYMOUS")
	for _, key := range []string{"RequestConfig", "ServiceConfig"} {
		if root.Get(key) == nil {
			root.Fields = append(root.Fields, &source.Field{Key: key, RawKey: key, Value: &source.Node{Kind: source.Object, Range: item.Range}})
		}
	}
	if rc := root.Get("RequestConfig"); rc.Kind == source.Object {
		fill(rc, "RequestProtocol", "HTTP,HTTPS,WS", "RequestHttpMethod", "ANY", "RequestPath", "/*", "RequestMode", "PASSTHROUGH")
	}
	if sc := root.Get("ServiceConfig"); sc.Kind == source.Object {
		fill(sc, "ServiceProtocol", "FunctionCompute", "ServiceTimeout", "10000")
		if fc := sc.Get("FunctionComputeConfig"); fc == nil && sc.Get("functionComputeConfig") == nil {
			// nothing to complete
		} else {
			if fc == nil {
				fc = sc.Get("functionComputeConfig")
			}
			if fc.Kind == source.Object {
				// The component sets the role itself.
				fill(fc, "RoleArn", "acs:ram::<account>:role/aliyunserviceroleforapigateway")
			}
		}
	}
	root.SetPointers("")
	return &frontend.Definition{Op: schema.CreateApi, Root: root, MaySymbolic: true}
}
