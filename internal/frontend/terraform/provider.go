package terraform

// The part of the alicloud provider's schema that apigwlint needs: the
// arguments and nested blocks of the three resource types it reads, with
// the checks the provider itself makes (required, MaxItems, enums). Taken
// from aliyun/terraform-provider-alicloud, alicloud/resource_alicloud_api_gateway_api.go,
// resource_alicloud_api_gateway_group.go and resource_alicloud_apig_service.go
// (docs/sources.md#terraform-provider).

// argKind is the Terraform type of an argument.
type argKind uint8

const (
	argString argKind = iota
	argInt
	argBool
	argStringSet // a set or list of strings
	argMap
)

// Arg is one argument of a resource or block.
type Arg struct {
	Name     string
	Kind     argKind
	Required bool
	// Enum, when set, is what the provider's ValidateFunc accepts
	// (case-sensitive, as StringInSlice(…, false)).
	Enum []string
	// Computed arguments the provider fills in (never required).
	Computed bool
}

// Block is one nested block type.
type Block struct {
	Name     string
	Required bool
	MaxItems int  // 0 = no limit
	Set      bool // a TypeSet: order is not the source order
	Args     []Arg
	// Open blocks are not checked inside (apigwlint does not map them).
	Open bool
}

// Resource is one resource type's schema.
type Resource struct {
	Type   string
	Args   []Arg
	Blocks []Block
	// Open resources are read for their identity only; their arguments
	// are not checked.
	Open bool
}

func (r *Resource) arg(name string) *Arg {
	for i := range r.Args {
		if r.Args[i].Name == name {
			return &r.Args[i]
		}
	}
	return nil
}

func (r *Resource) block(name string) *Block {
	for i := range r.Blocks {
		if r.Blocks[i].Name == name {
			return &r.Blocks[i]
		}
	}
	return nil
}

func (b *Block) arg(name string) *Arg {
	for i := range b.Args {
		if b.Args[i].Name == name {
			return &b.Args[i]
		}
	}
	return nil
}

// Meta-arguments Terraform accepts on every resource, and its meta blocks.
var (
	metaArgs   = []string{"count", "for_each", "provider", "depends_on"}
	metaBlocks = []string{"lifecycle", "provisioner", "connection", "timeouts"}
)

func str(name string, required bool) Arg { return Arg{Name: name, Kind: argString, Required: required} }

// APIResource is alicloud_api_gateway_api.
var APIResource = &Resource{
	Type: "alicloud_api_gateway_api",
	Args: []Arg{
		str("group_id", true),
		str("name", true),
		str("description", true),
		str("auth_type", true),
		{Name: "service_type", Kind: argString, Required: true, Enum: []string{"MOCK", "HTTP-VPC", "FunctionCompute", "HTTP"}},
		{Name: "stage_names", Kind: argStringSet, Enum: []string{"PRE", "RELEASE", "TEST"}},
		{Name: "force_nonce_check", Kind: argBool, Computed: true},
		{Name: "backend_enabled", Kind: argBool},
		str("backend_id", false),
		{Name: "api_id", Kind: argString, Computed: true},
	},
	Blocks: []Block{
		{Name: "request_config", Required: true, MaxItems: 1, Args: []Arg{
			str("protocol", true), str("method", true), str("path", true), str("mode", true), str("body_format", false),
		}},
		{Name: "http_service_config", MaxItems: 1, Args: []Arg{
			str("address", true), str("path", true), str("method", true), {Name: "timeout", Kind: argInt, Required: true},
			str("aone_name", false), str("content_type_category", false), str("content_type_value", false),
		}},
		{Name: "http_vpc_service_config", MaxItems: 1, Args: []Arg{
			str("name", true), str("path", true), str("method", true), {Name: "timeout", Kind: argInt, Required: true},
			str("aone_name", false), str("vpc_scheme", false), str("content_type_category", false), str("content_type_value", false),
		}},
		{Name: "fc_service_config", MaxItems: 1, Args: []Arg{
			str("region", true), str("arn_role", true), {Name: "timeout", Kind: argInt, Required: true},
			{Name: "function_type", Kind: argString, Enum: []string{"FCEvent", "HttpTrigger"}},
			str("function_version", false), str("function_name", false), str("service_name", false),
			str("function_base_url", false), str("path", false), {Name: "method", Kind: argString, Computed: true},
			{Name: "only_business_path", Kind: argBool}, str("qualifier", false),
			{Name: "content_type_category", Kind: argString, Enum: []string{"DEFAULT", "CUSTOM", "CLIENT"}},
			str("content_type_value", false),
		}},
		{Name: "mock_service_config", MaxItems: 1, Args: []Arg{str("result", true), str("aone_name", false)}},
		{Name: "request_parameters", Set: true, Args: []Arg{
			str("name", true), str("type", true), str("required", true), str("in", true),
			str("in_service", true), str("name_service", true), str("description", false), str("default_value", false),
		}},
		{Name: "constant_parameters", Set: true, Args: []Arg{
			str("name", true), str("in", true), str("value", true), str("description", false),
		}},
		{Name: "system_parameters", Set: true, Args: []Arg{
			str("name", true), str("name_service", true), str("in", true),
		}},
	},
}

// GroupResource is alicloud_api_gateway_group: only its identity matters
// (its id is the GroupId of the APIs that reference it).
var GroupResource = &Resource{Type: "alicloud_api_gateway_group", Open: true}

// ServiceResource is alicloud_apig_service.
var ServiceResource = &Resource{
	Type: "alicloud_apig_service",
	Args: []Arg{
		str("gateway_id", false),
		{Name: "source_type", Kind: argString, Enum: []string{"DNS", "VIP", "FC3"}},
		{Name: "resource_group_id", Kind: argString, Computed: true},
		str("service_name", false), str("namespace", false), str("qualifier", false), str("express_type", false),
		{Name: "addresses", Kind: argStringSet, Computed: true},
		{Name: "dns_servers", Kind: argStringSet},
		str("protocol", false),
		{Name: "healthy_panic_threshold", Kind: argString},
	},
	Blocks: []Block{
		{Name: "health_check_config", MaxItems: 1, Open: true},
		{Name: "outlier_detection_config", MaxItems: 1, Open: true},
	},
}

// Resources are the resource types read, by type name.
var Resources = map[string]*Resource{
	APIResource.Type:     APIResource,
	GroupResource.Type:   GroupResource,
	ServiceResource.Type: ServiceResource,
}

// params maps an argument (resource type or block type, then name) to the
// request parameter it becomes, for documentation in the editor.
var params = map[string]string{
	"alicloud_api_gateway_api.group_id":             "/GroupId",
	"alicloud_api_gateway_api.name":                 "/ApiName",
	"alicloud_api_gateway_api.description":          "/Description",
	"alicloud_api_gateway_api.auth_type":            "/AuthType",
	"alicloud_api_gateway_api.force_nonce_check":    "/ForceNonceCheck",
	"alicloud_api_gateway_api.backend_enabled":      "/BackendEnable",
	"alicloud_api_gateway_api.backend_id":           "/BackendId",
	"request_config.protocol":                       "/RequestConfig/RequestProtocol",
	"request_config.method":                         "/RequestConfig/RequestHttpMethod",
	"request_config.path":                           "/RequestConfig/RequestPath",
	"request_config.mode":                           "/RequestConfig/RequestMode",
	"request_config.body_format":                    "/RequestConfig/BodyFormat",
	"http_service_config.address":                   "/ServiceConfig/ServiceAddress",
	"http_service_config.path":                      "/ServiceConfig/ServicePath",
	"http_service_config.method":                    "/ServiceConfig/ServiceHttpMethod",
	"http_service_config.timeout":                   "/ServiceConfig/ServiceTimeout",
	"http_service_config.aone_name":                 "/ServiceConfig/AoneAppName",
	"http_service_config.content_type_category":     "/ServiceConfig/ContentTypeCatagory",
	"http_service_config.content_type_value":        "/ServiceConfig/ContentTypeValue",
	"http_vpc_service_config.name":                  "/ServiceConfig/VpcConfig/Name",
	"http_vpc_service_config.vpc_scheme":            "/ServiceConfig/VpcConfig/VpcScheme",
	"http_vpc_service_config.path":                  "/ServiceConfig/ServicePath",
	"http_vpc_service_config.method":                "/ServiceConfig/ServiceHttpMethod",
	"http_vpc_service_config.timeout":               "/ServiceConfig/ServiceTimeout",
	"http_vpc_service_config.aone_name":             "/ServiceConfig/AoneAppName",
	"http_vpc_service_config.content_type_category": "/ServiceConfig/ContentTypeCatagory",
	"http_vpc_service_config.content_type_value":    "/ServiceConfig/ContentTypeValue",
	"fc_service_config.region":                      "/ServiceConfig/FunctionComputeConfig/FcRegionId",
	"fc_service_config.arn_role":                    "/ServiceConfig/FunctionComputeConfig/RoleArn",
	"fc_service_config.timeout":                     "/ServiceConfig/ServiceTimeout",
	"fc_service_config.function_type":               "/ServiceConfig/FunctionComputeConfig/FcType",
	"fc_service_config.function_version":            "/ServiceConfig/FunctionComputeConfig/FcVersion",
	"fc_service_config.function_name":               "/ServiceConfig/FunctionComputeConfig/FunctionName",
	"fc_service_config.service_name":                "/ServiceConfig/FunctionComputeConfig/ServiceName",
	"fc_service_config.function_base_url":           "/ServiceConfig/FunctionComputeConfig/FcBaseUrl",
	"fc_service_config.path":                        "/ServiceConfig/FunctionComputeConfig/Path",
	"fc_service_config.method":                      "/ServiceConfig/FunctionComputeConfig/Method",
	"fc_service_config.only_business_path":          "/ServiceConfig/FunctionComputeConfig/OnlyBusinessPath",
	"fc_service_config.qualifier":                   "/ServiceConfig/FunctionComputeConfig/Qualifier",
	"fc_service_config.content_type_category":       "/ServiceConfig/FunctionComputeConfig/ContentTypeCatagory",
	"fc_service_config.content_type_value":          "/ServiceConfig/FunctionComputeConfig/ContentTypeValue",
	"mock_service_config.result":                    "/ServiceConfig/MockResult",
	"mock_service_config.aone_name":                 "/ServiceConfig/AoneAppName",
	"request_parameters.name":                       "/RequestParameters/0/ApiParameterName",
	"request_parameters.type":                       "/RequestParameters/0/ParameterType",
	"request_parameters.required":                   "/RequestParameters/0/Required",
	"request_parameters.in":                         "/RequestParameters/0/Location",
	"request_parameters.description":                "/RequestParameters/0/Description",
	"request_parameters.default_value":              "/RequestParameters/0/DefaultValue",
	"request_parameters.in_service":                 "/ServiceParameters/0/Location",
	"request_parameters.name_service":               "/ServiceParameters/0/ServiceParameterName",
	"constant_parameters.name":                      "/RequestParameters/0/ApiParameterName",
	"constant_parameters.in":                        "/RequestParameters/0/Location",
	"constant_parameters.value":                     "/RequestParameters/0/DefaultValue",
	"constant_parameters.description":               "/RequestParameters/0/Description",
	"system_parameters.name":                        "/RequestParameters/0/ApiParameterName",
	"system_parameters.in":                          "/RequestParameters/0/Location",
	"system_parameters.name_service":                "/ServiceParameters/0/ServiceParameterName",
	"alicloud_apig_service.gateway_id":              "/gatewayId",
	"alicloud_apig_service.source_type":             "/sourceType",
	"alicloud_apig_service.resource_group_id":       "/resourceGroupId",
	"alicloud_apig_service.service_name":            "/serviceConfigs/0/name",
	"alicloud_apig_service.namespace":               "/serviceConfigs/0/namespace",
	"alicloud_apig_service.qualifier":               "/serviceConfigs/0/qualifier",
	"alicloud_apig_service.express_type":            "/serviceConfigs/0/expressType",
	"alicloud_apig_service.addresses":               "/serviceConfigs/0/addresses",
	"alicloud_apig_service.dns_servers":             "/serviceConfigs/0/dnsServers",
}

// Param is the request parameter (operation and pointer) an argument of
// a resource or of one of its blocks becomes; "" when it becomes none.
func Param(resourceType, block, arg string) (op, pointer string) {
	switch resourceType {
	case APIResource.Type:
		op = "CreateApi"
	case ServiceResource.Type:
		op = "CreateService"
	default:
		return "", ""
	}
	key := resourceType + "." + arg
	if block != "" {
		key = block + "." + arg
	}
	if p := params[key]; p != "" {
		return op, p
	}
	return "", ""
}

// Schema returns the schema of a resource type, nil when apigwlint does
// not read it.
func Schema(resourceType string) *Resource { return Resources[resourceType] }

// Block returns the schema of a block of a resource type, nil if none.
func (r *Resource) Block(name string) *Block { return r.block(name) }
