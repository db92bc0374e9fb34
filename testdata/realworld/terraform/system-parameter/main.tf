# system_parameters block as documented for alicloud_api_gateway_api: the caller IP
# forwarded to the backend in a header.
resource "alicloud_api_gateway_group" "default" {
  name        = "tf_sysparam_group"
  description = "system parameter example"
}

resource "alicloud_api_gateway_api" "default" {
  group_id    = alicloud_api_gateway_group.default.id
  name        = "tf_sysparam_example"
  description = "forwards the caller IP"
  auth_type   = "APP"

  request_config {
    protocol = "HTTPS"
    method   = "GET"
    path     = "/whoami"
    mode     = "MAPPING"
  }

  service_type = "HTTP"

  http_service_config {
    address = "http://whoami.example.com:8080"
    method  = "GET"
    path    = "/whoami"
    timeout = 3000
  }

  system_parameters {
    name         = "CaClientIp"
    in           = "HEAD"
    name_service = "x-client-ip"
  }
}
