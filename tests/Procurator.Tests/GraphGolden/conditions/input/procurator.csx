// Every WaitFor condition once, so each graph format is checked to carry the one written:
// api waits for postgres to be started, for migrate's task to complete, for cache to be ready
// (written out), and worker for api to be ready (the default).
Service("postgres").Version("15");
Service("cache").Kind("redis").Version("7");

Project("migrate", ".").DependsOn("postgres").Task("up", "true");
Project("api", ".")
    .DependsOn("postgres", WaitFor.Started)
    .DependsOn("migrate", WaitFor.Completed)
    .DependsOn("cache", WaitFor.Ready)
    .Process("web", "true");
Project("worker", ".").DependsOn("api").Process("jobs", "true");
