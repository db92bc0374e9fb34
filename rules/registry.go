package rules

import "sort"

// registry is the one list of rules, in catalog order.
var registry = []*Rule{
	Syntax, DuplicateKey, Encoding, Limit, UnknownAction, NotADefinition, SchemaRule, UnknownField, UnknownNestedField, EmbeddedJSON,
	UnusedSuppression, InvalidSuppression, RosConstraint,

	// CreateApi: authentication and naming.
	OpenIDConfig, SignatureMethodRequiresAppAuth, SignatureMethodSHA1Only, AppCodeRequiresAppAuth, APINameCJK,
	// CreateApi: the request clients send.
	HTTPMethodHeader, PathParamUndeclared, PathParamUnused, PathParamBraces, DuplicateParameter, ParamConstraintType, ParamConstraintConflict, ParamTypeNumber,
	BodyOnGet, BodyFormatRequiresMapping, BodyFormatMissing,
	// CreateApi: the backend and how parameters reach it.
	BackendConfigMismatch, BackendConfigUnused, FunctionComputeConfigIncomplete, ContentTypeValueRequired, BackendIDRequiresEnable, ServiceTimeoutMissing,
	ServicePathParamUnmapped, ServicePathParamUnused, ParamMapDangling,
	// CreateApi: documentation.
	SampleSize,

	// CreateService.
	NamespaceRequired, GroupNameRequired, AddressesRequired, AddressFormat, SourceConfigRequired, AIServiceConfigMissing,
	DNSServersOnlyDNS, QualifierOnlyFC3, SourceConfigUnused,

	// Project rules (cross-file).
	DuplicateAPIName, DuplicateAPIPath, PathUniqueStrict, DuplicateService, DuplicateClientToken,
}

// All returns every rule, in catalog order.
func All() []*Rule { return registry }

// ByID returns the rule with an id, or nil.
func ByID(id string) *Rule {
	for _, r := range registry {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// IDs returns every rule id, sorted.
func IDs() []string {
	out := make([]string, len(registry))
	for i, r := range registry {
		out[i] = r.ID
	}
	sort.Strings(out)
	return out
}
