variable "group_id" {
  type = string
}

variable "apis" {
  type = map(object({ method = string, path = string }))
}

resource "alicloud_api_gateway_api" "this" {
  for_each    = var.apis
  group_id    = var.group_id
  name        = each.key
  description = "managed by the pipeline"
  auth_type   = "APP"

  request_config {
    protocol = "HTTP"
    method   = each.value.method
    path     = each.value.path # want path-param-undeclared@16
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address = "http://users.internal:8080"
    method  = "GET"
    path    = "/v1/users"
    timeout = 3000
  }
}

resource "alicloud_api_gateway_api" "health" {
  group_id    = var.group_id
  name        = "Health"
  description = "health check"
  auth_type   = "ANONYMOUS"

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/health"
    mode     = "MAPPING"
  }

  service_type = "MOCK"

  mock_service_config {
    result = "ok"
  }
}
