// A small shop: an HTTP API and a background worker sharing postgres and redis,
// and a web frontend that talks to the API.
// Generate the master flake:  procurator run examples/microservices/procurator.csx

Workspace.Name("microservices")
    .Description("Example shop: api, worker and frontend over postgres and redis")
    .Systems("x86_64-linux", "aarch64-linux", "aarch64-darwin");

var pg = Service("postgres").Version("15").Database("shop");
var cache = Service("redis").Version("7");

Project("api", "./services/api")
    .Description("Public HTTP API")
    .DependsOn(pg).DependsOn(cache)
    .Port(8080)
    .Env("DATABASE_URL", pg.Url)      // postgresql://postgres@127.0.0.1:5432/shop, made where the env is
    .Env("REDIS_URL", cache.Url)
    .Packages("nodejs_20")
    .Process("web", "npm start")
    .Check("test", "npm test")
    .HealthCheck(Http("http://localhost:8080/health"));

Project("worker", "./services/worker")
    .Description("Background jobs: emails, invoices")
    .DependsOn("postgres", "redis")
    .DependsOn("api")
    .Env("DATABASE_URL", pg.Url)
    .Env("QUEUE", "default")
    .Packages("python3")
    .Process("jobs", "python3 -m worker")
    .Check("test", "python3 -m unittest");

Project("frontend", "./services/frontend")
    .Description("Web shop frontend")
    .DependsOn("api")
    .Port(3000)
    .Env("API_URL", "http://localhost:8080")
    .Packages("nodejs_20")
    .Process("dev", "npm run dev")
    .HealthCheck(Tcp(3000));

Shell("backend", "api", "worker");
