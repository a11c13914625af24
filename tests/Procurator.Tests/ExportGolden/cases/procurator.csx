// Every feature of the Kubernetes export in one workspace (tests/Procurator.Tests/Export).
Workspace.Name("Export Cases");

var db = Service("db").Kind("postgres").Version("15").Port(6543).Database("shop").User("shop");
Service("cache").Kind("redis");
Service("blob").Kind("minio");

Project("api", "./api")
    .DependsOn(db).DependsOn("cache")
    .DependsOn("migrate", WaitFor.Completed)
    .Port(8080)
    .Env("DATABASE_URL", $"{db.Url}?sslmode=disable")
    .Image("registry.example.com/shop/api:1.4")
    .Replicas(3)
    .Resources(cpu: "250m", memory: "256Mi").Secret("PAYMENTS_KEY")
    .Process("web", "./api serve --port 8080")
    .Task("seed", "./api seed")
    .HealthCheck(Http("http://localhost:8080/healthz", period: 5, timeout: 1.5, failures: 4, successes: 2));

Project("worker", "./worker")
    .DependsOn("api", WaitFor.Started).DependsOn("blob")
    .Process("jobs", "./worker --queue default")
    .HealthCheck(LogLine("worker ready"));

Project("migrate", "./migrate")
    .Image("registry.example.com/shop/migrate@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
    .DependsOn(db)
    .Task("up", "dbmate up");
