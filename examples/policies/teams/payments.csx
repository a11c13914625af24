// Team payments: owns billing and its data layer; its ports are 7000-7999.
Team("payments").Owns("billing", "billing-data").Ports(7000, 7999);

Use("ports-in-team-range");
Policy(BuiltInPolicies.RequiredEnv("LOG_LEVEL")).ForTeam("payments");
