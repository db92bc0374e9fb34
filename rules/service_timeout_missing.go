package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// ServiceTimeoutMissing: a backend without a timeout.
//
// The ServiceConfig page marks ServiceTimeout required (doc 43987), but
// the live gateway takes a ServiceConfig without it: the vendor's own ROS
// samples set none (aliyun/ros-templates resources/apigateway/api.yml,
// solutions/mini-program/fc-mini-program-backend-service.yml), and a
// production script created its APIs with `aliyun cloudapi CreateApi`
// without it (quanttide/quanttide-platform scripts/api-gateway/deploy.sh).
// So it is no schema error. The same script later added it, with the
// comment that the default timeout made Function Compute cold starts end in
// 504 errors: accepted, but it hurts later, which is what a warning is
// (docs/sources.md#service-timeout).
var ServiceTimeoutMissing = &Rule{
	ID: "service-timeout-missing", Severity: diag.Warning, Op: "CreateApi", Kind: Definition,
	Doc: Doc{
		Summary: "`ServiceConfig` has no `ServiceTimeout`, so the gateway's default backend timeout applies",
		Why: "The gateway accepts a `ServiceConfig` without `ServiceTimeout`, although its ServiceConfig page marks it required: the vendor's own ROS " +
			"samples set none (aliyun/ros-templates resources/apigateway/api.yml) and a production deploy script created its APIs without it " +
			"(quanttide/quanttide-platform scripts/api-gateway/deploy.sh). The backend then gets the gateway's default timeout, which is not documented; " +
			"the same script later set the timeout because the default turned Function Compute cold starts into 504 errors. Set it, in milliseconds, " +
			"to what the backend needs. A mock backend (`Mock: TRUE`) calls nothing and is not reported.",
		Bad: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users/me, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080'}
`,
		Good: `Action: CreateApi
GroupId: 08ae4aa0f95e4321849ee57f4e0b3077
ApiName: GetUser
Visibility: PRIVATE
AuthType: APP
RequestConfig: {RequestProtocol: HTTPS, RequestHttpMethod: GET, RequestPath: /users/me, RequestMode: PASSTHROUGH}
ServiceConfig: {ServiceProtocol: HTTP, ServiceAddress: 'http://users.internal:8080', ServiceTimeout: 3000}
`,
	},
	Check: func(c *Context) {
		sc := object(c.Root.Get("ServiceConfig"))
		if sc == nil || isTrueFlag(sc.Get("Mock")) || has(c, sc, "ServiceTimeout") {
			return
		}
		where := at(sc)
		if v := sc.Get("ServiceTimeout"); v != nil {
			where = v.Range // written, but empty
		}
		c.Report(where, sc.Pointer+"/ServiceTimeout", "ServiceConfig has no ServiceTimeout, so the gateway's default backend timeout applies: set ServiceTimeout (milliseconds) to what the backend needs")
	},
}
