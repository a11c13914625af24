Project("api").DependsOn("postgres").Port(8080);
