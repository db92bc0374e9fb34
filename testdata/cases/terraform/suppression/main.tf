resource "alicloud_api_gateway_api" "kept" {
  group_id    = "aaf1a9f2c5c24c3d8d0b1f2e3a4b5c6d"
  name        = "KeptApi"
  description = "suppressed findings"
  auth_type   = "APP"
  # apigwlint-disable-next-line unknown-field -- set by a wrapper module that strips it
  visibility  = "PRIVATE"
  // apigwlint-disable-next-line schema -- the old console accepted it
  service_type = "HTPP"
  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/kept"
    mode     = "MAPPING"
  }
  request_parameters {
    name         = "q"
    type         = "STRING"
    required     = "OPTIONAL"
    in           = "QUERY"
    in_service   = "QUERY"
    name_service = "q"
    # apigwlint-disable-next-line path-param-unused -- nothing here to suppress # want unused-suppression@35
    default_value = "x"
  }
}
