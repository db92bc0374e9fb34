variable "name" {
  default = "tf_example_backends"
}

variable "description_var" {
  default = "backend switch example"
}

variable "service_type_var" {
  default = "HTTP-VPC"
}

variable "auth_type_var" {
  default = "APP"
}

variable "force_nonce_check_var" {
  default = false
}
