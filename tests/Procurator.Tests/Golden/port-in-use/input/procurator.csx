Project("api").Port(8080).DependsOn("postgres");
Project("admin").Port(8080);
Project("db-proxy").Port(5432);
Project("web").Port(3000).Port(3000);
