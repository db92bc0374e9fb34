package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/facts"
)

// DuplicateClientToken: two CreateService definitions with the same
// clientToken.
var DuplicateClientToken = &Rule{
	ID: "duplicate-client-token", Severity: diag.Error, Op: "CreateService", Kind: Project,
	Doc: Doc{
		Summary: "two CreateService definitions use the same clientToken",
		Why: "clientToken makes the call idempotent: the gateway takes a second call with a token it has seen as a retry of the " +
			"first. With identical parameters it returns the first result and silently creates nothing; with different parameters " +
			"it fails with IdempotentParameterMismatch (Alibaba Cloud's idempotence convention, docs/sources.md#client-token). Tokens are " +
			"case-sensitive, so they are compared exactly. Give every definition its own token, or none.",
		BadFiles: map[string]string{
			"services/orders.yaml": "Action: CreateService\nclientToken: deploy-2024-06-01\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: DNS\n" +
				"serviceConfigs:\n  - name: order-service\n    addresses: ['orders.internal:8080']\n",
			"services/users.yaml": "Action: CreateService\nclientToken: deploy-2024-06-01\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: DNS\n" +
				"serviceConfigs:\n  - name: user-service\n    addresses: ['users.internal:8080']\n",
		},
		GoodFiles: map[string]string{
			"services/orders.yaml": "Action: CreateService\nclientToken: orders-2024-06-01\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: DNS\n" +
				"serviceConfigs:\n  - name: order-service\n    addresses: ['orders.internal:8080']\n",
			"services/users.yaml": "Action: CreateService\nclientToken: users-2024-06-01\ngatewayId: gw-cq7l5s5lhtg001\nsourceType: DNS\n" +
				"serviceConfigs:\n  - name: user-service\n    addresses: ['users.internal:8080']\n",
		},
	},
	Facts: clientTokens,
	CheckProject: func(p *ProjectContext) {
		sameKey(p, p.Index.Of(clientTokens.Name), func(e *Fact) Loc { return e.At },
			func(e *Fact) string { return e.Key },
			func(e *Fact, others []*Fact) string {
				return diag.Sprintf("clientToken %q is already used by %s; the gateway would take the second call "+
					"as a retry of the first and create nothing (or fail with IdempotentParameterMismatch), so give each definition its own token",
					facts.Readable(e.Key), othersWord(len(others), "CreateService definition"))
			},
			func(o *Fact) string {
				return diag.Sprintf("the other CreateService with clientToken %q", facts.Readable(o.Key))
			})
	},
}

// clientTokens: the clientToken of each CreateService definition.
var clientTokens = &FactKind{
	Name: "client-token", Op: "CreateService", Params: []string{"clientToken"},
	Export: func(e *Exporter) {
		if n := e.Root.Get("clientToken"); KeyOf(n) != "" {
			e.Emit(KeyOf(n), n)
		}
	},
}
