package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
)

// PathUniqueStrict: the documented rule taken literally, one request path
// per group whatever the method. Off by default.
var PathUniqueStrict = &Rule{
	ID: "path-unique-strict", Severity: diag.Off, Op: "CreateApi", Kind: Project,
	Doc: Doc{
		Summary: "two CreateApi definitions in the same group use the same request path shape, whatever their methods",
		Why: "The CreateApi documentation says only \"the request path must be unique within the group\" and does not say whether " +
			"the method counts (docs/sources.md#requestpath-method). duplicate-api-path reports the collisions that certainly exist (same method, or ANY); " +
			"enable this rule if your gateway rejects a second method on a path too. Path shapes are compared as in duplicate-api-path " +
			"(/users/[id] and /users/[userId] are one path). It also fires where duplicate-api-path does.",
		BadFiles: map[string]string{
			"apis/get-user.yaml":    apiDoc("GetUser", "GET", "/users/[userId]"),
			"apis/update-user.yaml": apiDoc("UpdateUser", "PUT", "/users/[id]"),
		},
		GoodFiles: map[string]string{
			"apis/get-user.yaml":    apiDoc("GetUser", "GET", "/users/[userId]"),
			"apis/update-user.yaml": apiDoc("UpdateUser", "PUT", "/users/[userId]/profile"),
		},
	},
	Facts: apiPaths,
	CheckProject: func(p *ProjectContext) {
		apis := p.Index.Of(apiPaths.Name)
		c := newClashes(p, apis, func(e *Fact) Loc { return e.At })
		for _, bucket := range pathBuckets(apis, false) {
			for _, j := range bucket[1:] {
				c.add(j, bucket[:1])
			}
		}
		c.report(func(e *Fact, others []*Fact) string {
			list := make([]string, len(others))
			for k, o := range others {
				list[k] = pathNote(o)
			}
			return diag.Sprintf("request path %s is already used in group %s by %s; the documented rule is one request path per group, whatever the method",
				apiPath(e), facts.Readable(e.Key), listOf(list))
		}, pathNote)
	},
}
