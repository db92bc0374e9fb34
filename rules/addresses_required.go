package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// AddressesRequired: a VIP or DNS service without addresses.
//
// A fixed-address or DNS service is nothing but its addresses
// (docs/sources.md#addresses; the older ROS page required Addresses outright).
var AddressesRequired = &Rule{
	ID: "addresses-required", Severity: diag.Error, Op: "CreateService", Kind: Definition,
	Doc: Doc{
		Summary: "a `serviceConfigs` item has no `addresses` while `sourceType` is `VIP` or `DNS`",
		Why: "A VIP service is a list of fixed `IP:port` endpoints and a DNS service a list of `domain:port` endpoints; there is no registry to " +
			"find them in. A service of these types without addresses has nothing to route to.",
		Bad: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: VIP
serviceConfigs:
  - name: legacy-erp
`,
		Good: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: VIP
serviceConfigs:
  - name: legacy-erp
    addresses: [10.20.1.11:8080, 10.20.1.12:8080]
`,
	},
	Check: func(c *Context) {
		requireForSource(c, "addresses", "at least one host:port address", "VIP", "DNS")
	},
}
