# Reusable module: one group per environment, one API per entry of a map variable
# (for_each), names built from each.key and the environment (with hyphens), a PATH
# request parameter whose [name] is not in the literal part of the path.
terraform {
  required_providers {
    alicloud = {
      source  = "aliyun/alicloud"
      version = "~> 1.99"
    }
  }
}

resource "alicloud_api_gateway_group" "this" {
  name        = "${var.group_name}-${var.environment}"
  description = "API group for ${var.group_name} (${var.environment})"
}

resource "alicloud_api_gateway_app" "this" {
  name        = "${var.group_name}-${var.environment}-app"
  description = "Consumer app credential for ${var.group_name}"
}

# One API per routed backend
resource "alicloud_api_gateway_api" "routed" {
  for_each = var.apis

  group_id    = alicloud_api_gateway_group.this.id
  name        = "${each.key}-${var.environment}"
  description = each.value.description
  auth_type   = "APP"
  request_config {
    protocol = "HTTPS"
    method   = "GET"
    path     = each.value.request_path
    mode     = "MAPPING"
  }

  service_type = "HTTP"
  http_service_config {
    address            = each.value.backend_address
    method             = "GET"
    path               = each.value.backend_path
    timeout            = 3000
    aone_name          = each.key
    content_type_value = "application/json; charset=UTF-8"
  }

  request_parameters {
    name         = "routePath"
    type         = "STRING"
    required     = "OPTIONAL"
    in           = "PATH"
    in_service   = "PATH"
    name_service = "routePath"
  }
}

resource "alicloud_api_gateway_app_attachment" "grant" {
  for_each   = alicloud_api_gateway_api.routed
  api_id     = each.value.api_id
  app_id     = alicloud_api_gateway_app.this.id
  group_id   = alicloud_api_gateway_group.this.id
  stage_name = var.stage_name
}
