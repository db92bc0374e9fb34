package rules

import (
	"sort"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
)

// DuplicateAPIPath: two CreateApi definitions in one group whose requests
// overlap, so that the gateway can route a request to only one of them.
var DuplicateAPIPath = &Rule{
	ID: "duplicate-api-path", Severity: diag.Error, Op: "CreateApi", Kind: Project,
	Doc: Doc{
		Summary: "two CreateApi definitions in the same group take the same requests: same method (ANY overlaps every method) and the same path shape",
		Why: "The CreateApi documentation says a request path is unique within its API group. It does not say how the method counts; " +
			"definitions in the wild (Serverless Devs examples) give one path several methods, so this rule reports only requests " +
			"that really collide: the same method, or ANY against any method, on the same path shape. Path parameters match any " +
			"value, so /users/[id] and /users/[userId] are one shape (unless EscapePathParam makes the brackets literal). Paths " +
			"are compared case-sensitively, as HTTP paths are; no source says the gateway ignores case. A /* wildcard is not " +
			"documented in any source (docs/sources.md#requestpath-wildcard), so it is not taken to cover other paths: only an identical /* path is " +
			"reported. For the literal documented rule (one path per group whatever the method) enable path-unique-strict. " +
			"The diagnostic is on the later definition in path order, with the earlier ones as related locations.",
		BadFiles: map[string]string{
			"apis/get-user.yaml":   apiDoc("GetUser", "GET", "/users/[userId]"),
			"apis/user-proxy.yaml": apiDoc("UserProxy", "ANY", "/users/[id]"),
		},
		GoodFiles: map[string]string{
			"apis/get-user.yaml":    apiDoc("GetUser", "GET", "/users/[userId]"),
			"apis/update-user.yaml": apiDoc("UpdateUser", "PUT", "/users/[userId]"),
		},
	},
	Facts: apiPaths,
	CheckProject: func(p *ProjectContext) {
		apis := p.Index.Of(apiPaths.Name)
		c := newClashes(p, apis, func(e *Fact) Loc { return e.At })
		for _, bucket := range pathBuckets(apis, true) {
			// The first entry of each method is enough to find every
			// overlap: a later entry clashes with the first one of its
			// method and the first ANY; an ANY with the first of every
			// method. This keeps the work linear in a group full of
			// duplicates.
			first := map[string]int{}
			for _, j := range bucket {
				m := apiMethod(&apis[j])
				var earlier []int
				if m == "ANY" {
					for _, i := range first {
						earlier = append(earlier, i)
					}
				} else {
					for _, k := range []string{m, "ANY"} {
						if i, ok := first[k]; ok {
							earlier = append(earlier, i)
						}
					}
				}
				sort.Ints(earlier)
				c.add(j, earlier)
				if _, ok := first[m]; !ok {
					first[m] = j
				}
			}
		}
		c.report(pathMessage, pathNote)
	},
}

// pathBuckets groups the indices of APIs with the same group and path
// shape, in path order; withMethod leaves out APIs without a method.
func pathBuckets(apis []Fact, withMethod bool) [][]int {
	byKey := map[string]int{}
	var buckets [][]int
	for j := range apis {
		e := &apis[j]
		if apiShape(e) == "" || (withMethod && apiMethod(e) == "") {
			continue
		}
		k := e.Key + "\x00" + apiShape(e)
		b, ok := byKey[k]
		if !ok {
			b = len(buckets)
			byKey[k] = b
			buckets = append(buckets, nil)
		}
		buckets[b] = append(buckets[b], j)
	}
	return buckets
}

// apiPaths: each CreateApi with a group and a request path exports its
// method, path, path shape and name, keyed by its group, located at the
// path.
var apiPaths = &FactKind{
	Name: "api-path", Op: "CreateApi", Params: []string{"GroupId", "ApiName", "RequestConfig"}, SharedKeys: true,
	Export: func(e *Exporter) {
		group := e.Root.Get("GroupId")
		rc := e.Root.Get("RequestConfig")
		path := rc.Get("RequestPath")
		if KeyOf(group) == "" || KeyOf(path) == "" {
			return
		}
		// The shape is stored only where it differs from the path.
		shape := ""
		if path.Symbol() == "" {
			if sh := PathShape(KeyOf(path), rc.Get("EscapePathParam").IsTrue()); sh != KeyOf(path) {
				shape = sh
			}
		}
		method := rc.Get("RequestHttpMethod")
		m := KeyOf(method)
		if method != nil && method.Symbol() == "" {
			m = strings.ToUpper(m)
		}
		e.EmitFor(group, path, m, KeyOf(path), shape, KeyOf(e.Root.Get("ApiName")))
	},
}

func apiMethod(f *Fact) string { return f.Attr(0) }
func apiPath(f *Fact) string   { return facts.Readable(f.Attr(1)) }
func apiShape(f *Fact) string {
	if s := f.Attr(2); s != "" {
		return s
	}
	return f.Attr(1)
}
func apiName(f *Fact) string { return facts.Readable(f.Attr(3)) }

func pathMessage(e *Fact, others []*Fact) string {
	list := make([]string, len(others))
	anyMethod, renamed := false, false
	for k, o := range others {
		list[k] = pathNote(o)
		anyMethod = anyMethod || apiMethod(o) != apiMethod(e)
		renamed = renamed || apiPath(o) != apiPath(e)
	}
	why := ""
	switch {
	case anyMethod && renamed:
		why = " (ANY takes every method, and path parameters match any value whatever their names)"
	case anyMethod:
		why = " (ANY takes every method)"
	case renamed:
		why = " (path parameters match any value whatever their names)"
	}
	return diag.Sprintf("%s %s overlaps %s in group %s%s; the gateway routes a request to only one of them, so change the path or the method",
		facts.Readable(apiMethod(e)), apiPath(e), listOf(list), facts.Readable(e.Key), why)
}

func pathNote(o *Fact) string {
	s := facts.Readable(apiMethod(o)) + " " + apiPath(o)
	if apiName(o) != "" {
		s += " (API " + apiName(o) + ")"
	}
	return s
}

// listOf joins a few items for a message: "a", "a and b", "a, b and c",
// "a, b, c and 4 more".
func listOf(items []string) string {
	const shown = 3
	switch {
	case len(items) == 1:
		return items[0]
	case len(items) <= shown:
		return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
	}
	return diag.Sprintf("%s and %d more", strings.Join(items[:shown], ", "), len(items)-shown)
}
