# A fragment with a block the provider schema does not have (open_id_connect_config):
# terraform validate rejects it; the required arguments are missing too.
resource "alicloud_api_gateway_api" "jwt" {
  auth_type = "APPOPENID"

  open_id_connect_config {
    open_id_api_type = "IDTOKEN"
  }
}
