// Written by `procurator init` from what it found in monorepo.
// Review it (names, ports, versions), then run `procurator run` to get the master flake.
// `procurator init --dry-run` lists every finding and the file it came from.

// service cache: from .github/workflows/ci.yml:35
Service("cache").Kind("redis").Version("7.2").Port(6380);

// service db: from compose.yaml:2
Service("db").Kind("postgres").Version("15").Port(5433);

// service postgres: from .github/workflows/ci.yml:10
Service("postgres").Version("15").Port(5432)
    .Env("POSTGRES_DB", "api")
    .Env("POSTGRES_PASSWORD", "${{ secrets.DB_PASSWORD }}")
    .HealthCheck(Exec("pg_isready -U postgres")); // interval 10s, timeout 5s, retries 5

// service redis: from .github/workflows/ci.yml:22
Service("redis").Version("7.2").Port(6379);

// services/api: node, pnpm
Project("api", "./services/api")
    .Packages("pnpm", "nodejs_20")
    .Port(8080)
    .DependsOn("db", "postgres", "redis")
    .Check("test", "pnpm test")
    .Check("lint", "pnpm run lint")
    .Process("dev", "pnpm run dev")
    .Process("start", "pnpm start");

// services/worker: python, uv
Project("worker", "./services/worker")
    .Packages("uv", "python312")
    .DependsOn("cache", "db")
    .Check("test", "uv run pytest")
    .Check("pytest", "uv run pytest -q");

// tools/migrate: go
Project("migrate", "./tools/migrate")
    .Packages("go")
    .DependsOn("db")
    .Check("test", "go test ./...");
