package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// QualifierOnlyFC3: qualifier on a service that is not a Function Compute
// function (docs/sources.md#source-type-fields, inferred: a warning).
var QualifierOnlyFC3 = &Rule{
	ID: "qualifier-only-fc3", Severity: diag.Warning, Op: "CreateService", Kind: Definition,
	Doc: Doc{
		Summary: "`qualifier` is set on a service whose `sourceType` is not `FC3`",
		Why: "`qualifier` picks the version or alias (e.g. `LATEST`) of a Function Compute 3.0 function. Other source types have no versions, " +
			"so the setting is ignored; it usually means the source type is wrong.",
		Bad: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: K8S
serviceConfigs:
  - name: order-notifier
    namespace: default
    qualifier: LATEST
`,
		Good: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: FC3
serviceConfigs:
  - name: order-notifier
    qualifier: LATEST
`,
	},
	Check: func(c *Context) {
		onlyForSource(c, "qualifier", "the version or alias of a Function Compute function", "FC3")
	},
}
