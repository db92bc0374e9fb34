variable "apigateway_group_name" {
  default = "legacygroup"
}

variable "apigateway_group_description" {
  default = "legacy group description"
}

variable "apigateway_app_name_test" {
  default = "legacyapp"
}

variable "apigateway_app_description_test" {
  default = "legacy app description"
}
