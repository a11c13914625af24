Workspace.Systems("x86_64-linux", "linux").Nixpkgs("not a ref");
External("auth", "");
Service("postgres").Version("").HealthCheck(Exec(" "));
Project("api", "./nowhere")
    .Env("NUL", "a\0b")
    .Packages("nodejs", "bad attr", "python3Packages..requests")
    .Process("web", "")
    .HealthCheck(Http("localhost:8080/health"))
    .BuildDependsOn("postgres")
    .BuildDependsOn("libz");
Service("db").Kind("postgress");
Project("bad-pattern").HealthCheck(LogLine("unclosed (group"));
Project("bad-timing").HealthCheck(Tcp(80, period: 0, timeout: 7200, failures: 0));
