package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// BackendIDRequiresEnable: BackendId and BackendEnable out of step.
//
// The vendor says only "ID of the backend service" and "whether to enable
// backend services" (docs/sources.md#backend-enable); that one switches the
// other on is our inference, so this is a warning.
var BackendIDRequiresEnable = &Rule{
	ID: "backend-id-requires-enable", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`BackendId` without `BackendEnable: true`, or `BackendEnable: true` without `BackendId`",
		Why: "`BackendId` names a backend service created separately (CreateBackend) and `BackendEnable: true` tells the API to use it instead of the " +
			"inline `ServiceConfig`. One without the other is almost always a mistake: an ID that is never used, or an API switched to a backend " +
			"service it does not name.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
BackendId: a0305308908c4740aba9cbfd63ba99b7
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: ListUsers
Visibility: PRIVATE
AuthType: APP
BackendId: a0305308908c4740aba9cbfd63ba99b7
BackendEnable: true
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	},
	Check: func(c *Context) {
		id := c.Root.Get("BackendId")
		enable := c.Root.Get("BackendEnable")
		switch {
		case present(id) && !enable.IsTrue():
			d := c.ReportNode(id, "BackendId is set but BackendEnable is not true, so the backend service is not used: set BackendEnable: true, or remove BackendId")
			if enable != nil {
				c.Related(d, enable.Range, "BackendEnable")
			}
		case enable.IsTrue() && !has(c, c.Root, "BackendId"):
			c.ReportNode(enable, "BackendEnable is true but no BackendId names the backend service to use: add BackendId, or remove BackendEnable")
		}
	},
}
