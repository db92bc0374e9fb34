# A dynamic block is a template: checked once, its iterator symbolic.
variable "params" {
  type = list(object({ name = string }))
}

resource "alicloud_api_gateway_api" "list" {
  group_id     = "aaf1a9f2c5c24c3d8d0b1f2e3a4b5c6d"
  name         = "ListUsers"
  description  = "list users"
  auth_type    = "APP"
  service_type = "MOCK"

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/users"
    mode     = "MAPPING"
  }

  mock_service_config {
    result = "[]"
  }

  dynamic "request_parameters" {
    for_each = var.params
    content {
      name         = request_parameters.value.name
      type         = "STRING"
      required     = "OPTIONAL"
      in           = "QURY" # want schema@22
      in_service   = "QUERY"
      name_service = request_parameters.value.name
      defualt      = "x" # want unknown-field@7
    }
  }
}
