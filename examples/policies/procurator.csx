// A workspace that breaks three policies on purpose; `procurator check --no-nix` reports:
//   1. frontend depends on postgres directly (storefront: forbidden-dependency, and the
//      platform's only-data-layer-talks-to-postgres)
//   2. redis runs the unpinned version "latest" (platform: pinned-versions)
//   3. billing listens on 8080, outside payments' range 7000-7999 (payments: ports-in-team-range)
#load "platform/policies.csx"
#load "teams/payments.csx"
#load "teams/storefront.csx"

Workspace.Name("policies-example").Systems("x86_64-linux");

Service("postgres").Version("15").HealthCheck(Exec("pg_isready"));
Service("redis").Version("latest").Port(7379).HealthCheck(Tcp(7379));

Project("billing-data").DependsOn("postgres").Env("LOG_LEVEL", "info").Port(7100);
Project("billing").DependsOn("billing-data", "redis").Env("LOG_LEVEL", "info").Port(8080);
Project("catalog").DependsOn("billing").Port(3001);
Project("frontend").DependsOn("catalog", "postgres").Port(3000);
