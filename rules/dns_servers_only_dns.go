package rules

import (
	"github.com/apigwlint/apigwlint/internal/diag"
)

// DNSServersOnlyDNS: dnsServers on a service that resolves no domain names
// (docs/sources.md#source-type-fields, inferred: a warning).
var DNSServersOnlyDNS = &Rule{
	ID: "dns-servers-only-dns", Severity: diag.Warning, Op: "CreateService", Kind: Definition,
	Doc: Doc{
		Summary: "`dnsServers` is set on a service whose `sourceType` is not `DNS`",
		Why: "`dnsServers` are the resolvers used for the domain names of a DNS service. Services of any other source type have no domain names " +
			"to resolve, so the setting is ignored; it usually means the source type is wrong.",
		Bad: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: VIP
serviceConfigs:
  - name: legacy-erp
    addresses: [10.20.1.11:8080]
    dnsServers: [100.100.2.136:53]
`,
		Good: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: DNS
serviceConfigs:
  - name: legacy-erp
    addresses: [erp.corp.example.com:8080]
    dnsServers: [100.100.2.136:53]
`,
	},
	Check: func(c *Context) {
		onlyForSource(c, "dnsServers", "the resolvers of a DNS service", "DNS")
	},
}
