variable "group_name" {
  type = string
}

variable "environment" {
  type    = string
  default = "staging"
}

variable "stage_name" {
  type    = string
  default = "RELEASE"
}

variable "apis" {
  description = "Routed backends, keyed by API name prefix."
  type = map(object({
    description     = string
    request_path    = string
    backend_address = string
    backend_path    = string
  }))
  default = {
    catalog = {
      description     = "Catalog reads"
      request_path    = "/catalog/[routePath]"
      backend_address = "http://catalog.internal.example.com:8080"
      backend_path    = "/v1/catalog/[routePath]"
    }
    pricing = {
      description     = "Pricing reads"
      request_path    = "/pricing"
      backend_address = "http://pricing.internal.example.com:8080"
      backend_path    = "/v1/pricing"
    }
  }
}
