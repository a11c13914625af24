// Tasks, dependency conditions and service commands: what `procurator up` runs.
Service("postgres").Version("15");
Service("mail").Port(1025).Command("mailpit --smtp 127.0.0.1:1025");

Project("db")
    .DependsOn("postgres")
    .Task("migrate", "dbmate up")
    .Task("seed", "psql -f seed.sql");

Project("api")
    .DependsOn("db", WaitFor.Completed)
    .DependsOn("mail", WaitFor.Started)
    .DependsOn("postgres", WaitFor.Ready)
    .Port(8080)
    .Process("web", "npm start")
    .HealthCheck(LogLine("listening on :[0-9]+"));
