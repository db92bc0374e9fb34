# What the provider rejects, at the argument or block it is about.
resource "alicloud_api_gateway_api" "bad" { # want schema@10
  group_id     = "aaf1a9f2c5c24c3d8d0b1f2e3a4b5c6d"
  name         = "BadApi"
  descripton   = "typo" # want unknown-field@3
  auth_type    = "APP"
  visibility   = "PRIVATE" # want unknown-field@3
  service_type = "HTPP" # want schema@18

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/bad"
    mode     = "MAPPING"
  }
  request_config { # want schema@3
    protocol = "HTTP"
    method   = "GET"
    path     = "/bad2"
    mode     = "MAPPING"
  }

  stage_names { # want schema@3
  }
}

resource "alicloud_api_gateway_api" "no_backend" {
  group_id     = "aaf1a9f2c5c24c3d8d0b1f2e3a4b5c6d"
  name         = "NoBackend"
  description  = "service_type without its block"
  auth_type    = "ANONYMOUS"
  service_type = "HTTP" # want schema@18

  request_config {
    protocol = "HTTP"
    method   = "GET"
    path     = "/no-backend"
    mode     = "MAPPING"
  }
}
