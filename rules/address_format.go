package rules

import (
	"net"
	"net/netip"
	"strconv"
	"strings"

	"github.com/apigwlint/apigwlint/internal/diag"
	"github.com/apigwlint/apigwlint/internal/source"
)

// AddressFormat: service addresses and DNS servers that are not host:port.
//
// Every documented address is host:port: VIP sources list fixed IP addresses,
// DNS sources domain names (CreateService example "dev.com:8080", ROS
// "ros.test:80"; docs/sources.md#addresses), and dnsServers are "ip:port"
// ("100.100.2.136:53"). Values with a ${...} or {{...}} placeholder are filled
// in by a deployment tool and not checked.
var AddressFormat = &Rule{
	ID: "address-format", Severity: diag.Error, Op: "CreateService", Kind: Definition,
	Doc: Doc{
		Summary: "an address is not `host:port` with a port from 1 to 65535; for `VIP` the host must be an IP address, for `DNS` a domain name; a `dnsServers` entry must be an IP address with an optional port",
		Why: "The gateway connects to each address as it is written: there is no default port, and no scheme or path. A VIP (fixed address) " +
			"service lists IP addresses, a DNS service domain names that the gateway resolves; a domain in a VIP service or an IP address in a DNS " +
			"service means the wrong source type. IPv6 addresses are written in brackets, `[2001:db8::1]:8080`.",
		Bad: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: DNS
serviceConfigs:
  - name: partner-payments
    addresses: ['https://api.partnerpay.example.com']
`,
		Good: `Action: CreateService
gatewayId: gw-cq7l5s5lhtg001
sourceType: DNS
serviceConfigs:
  - name: partner-payments
    addresses: ['api.partnerpay.example.com:443']
`,
	},
	Check: func(c *Context) {
		st, _ := sourceType(c.Root)
		for _, it := range serviceItems(c.Root) {
			if st == "VIP" || st == "DNS" {
				for _, a := range items(it.Get("addresses")) {
					if msg := checkAddress(a, st); msg != "" {
						c.ReportNode(a, "%s", msg)
					}
				}
			}
			for _, a := range items(it.Get("dnsServers")) {
				if msg := checkDNSServer(a); msg != "" {
					c.ReportNode(a, "%s", msg)
				}
			}
		}
	},
}

func checkAddress(n *source.Node, st string) string {
	if n.Kind != source.String {
		return "" // a schema error
	}
	s := n.Value
	if templated(s) {
		return ""
	}
	if i := strings.Index(s, "://"); i >= 0 {
		rest := strings.TrimSuffix(s[i+3:], "/")
		return "address " + quote(s) + " has a scheme: write only host:port, e.g. " + quote(withPort(rest, s[:i]))
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		return "address " + quote(s) + " has a path: write only host:port, e.g. " + quote(withPort(s[:i], ""))
	}
	host, port, err := net.SplitHostPort(s)
	if err != nil {
		return "address " + quote(s) + " is not host:port: add the port the service listens on, e.g. " + quote(withPort(s, ""))
	}
	if msg := checkPort(s, port); msg != "" {
		return msg
	}
	ip, ipErr := netip.ParseAddr(host)
	switch st {
	case "VIP":
		if ipErr != nil && strings.Trim(host, "0123456789.") == "" {
			return "address " + quote(s) + ": " + quote(host) + " is not a valid IP address"
		}
		if ipErr != nil || ip.Zone() != "" {
			return "address " + quote(s) + ": a VIP service lists IP addresses, and " + quote(host) + " is not one; use sourceType DNS for domain names"
		}
	case "DNS":
		if ipErr == nil {
			return "address " + quote(s) + ": a DNS service lists domain names, and " + quote(host) + " is an IP address; use sourceType VIP for fixed IP addresses"
		}
		if !validDomain(host) {
			return "address " + quote(s) + ": " + quote(host) + " is not a valid domain name"
		}
	}
	return ""
}

func checkDNSServer(n *source.Node) string {
	if n.Kind != source.String {
		return ""
	}
	s := n.Value
	if templated(s) {
		return ""
	}
	host := s
	if h, port, err := net.SplitHostPort(s); err == nil {
		if msg := checkPort(s, port); msg != "" {
			return "DNS server " + strings.TrimPrefix(msg, "address ")
		}
		host = h
	}
	if ip, err := netip.ParseAddr(host); err != nil || ip.Zone() != "" {
		return "DNS server " + quote(s) + " is not an IP address (with an optional port), e.g. \"100.100.2.136:53\""
	}
	return ""
}

func checkPort(s, port string) string {
	p, err := strconv.Atoi(port)
	if err != nil || p < 1 || p > 65535 {
		return "address " + quote(s) + " has port " + quote(port) + ": a port is a number from 1 to 65535"
	}
	return ""
}

// withPort suggests a host:port form of a host, with the default port of
// the scheme it was written with, if any.
func withPort(host, scheme string) string {
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if _, _, err := net.SplitHostPort(host); err == nil {
		return host
	}
	port := "<port>"
	switch strings.ToLower(scheme) {
	case "https":
		port = "443"
	case "http":
		port = "80"
	}
	return net.JoinHostPort(host, port)
}

// validDomain checks the shape of a DNS name: dot-separated labels of
// letters, digits, '-' and '_' (used in service records), none empty or
// longer than 63, not starting or ending with '-', the last one not all
// digits. A final dot is allowed.
func validDomain(h string) bool {
	h = strings.TrimSuffix(h, ".")
	if h == "" || len(h) > 253 {
		return false
	}
	labels := strings.Split(h, ".")
	if strings.Trim(labels[len(labels)-1], "0123456789") == "" {
		return false // an all-numeric last label: a malformed IP address
	}
	for _, label := range labels {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
	}
	return true
}
