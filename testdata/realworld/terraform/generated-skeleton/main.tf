# A generated "sample" resource: every argument present with its zero value and every
# block empty. Not applyable as is; a front-end must not crash on it.
resource "alicloud_api_gateway_api" "tf-sample-api-gateway-api" {
  auth_type         = ""
  description       = ""
  force_nonce_check = false
  group_id          = ""
  name              = ""
  service_type      = ""
  stage_names       = []

  constant_parameters {}
  fc_service_config {}
  http_service_config {}
  http_vpc_service_config {}
  mock_service_config {}
  request_config {}
  request_parameters {}
  system_parameters {}
}

resource "alicloud_apig_service" "tf-sample-apig-service" {
  addresses               = []
  dns_servers             = []
  express_type            = ""
  gateway_id              = ""
  healthy_panic_threshold = 0
  namespace               = ""
  protocol                = ""
  qualifier               = ""
  resource_group_id       = ""
  service_name            = ""
  source_type             = ""

  health_check_config {}
  outlier_detection_config {}
}
