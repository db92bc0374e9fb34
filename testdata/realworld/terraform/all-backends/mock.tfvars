service_type_var = "MOCK"
