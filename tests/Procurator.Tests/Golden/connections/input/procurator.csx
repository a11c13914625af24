// Connection info: named database and user, references as typed properties and in strings,
// two services of one kind (no PG* then), and a project's own value winning over a client variable.
var pg = Service("postgres").Database("shop").User("clerk").Port(5433);
var audit = Service("audit").Kind("postgres").Port(5434);
var cache = Service("cache").Kind("redis");
Service("bus").Kind("nats");
Service("mail").Port(1025).Command("mailpit");

Project("api").Port(8080)
    .Env("DATABASE_URL", $"{pg.Url}?sslmode=disable")
    .Env("CACHE", cache.Url)
    .Env("PGAPPNAME", "api")
    .Process("web", "npm start");

Project("worker").DependsOn("api", "bus", "mail")
    .DependsOn(pg).DependsOn(audit)
    .Env("AUDIT", "${audit.url}")
    .Env("PGDATABASE", "override")
    .Env("LITERAL", "${HOME} and $${not.a.ref")
    .Process("jobs", "python3 -m worker");
