output "this_api_id" {
  value = module.api_gateway.this_api_id
}
