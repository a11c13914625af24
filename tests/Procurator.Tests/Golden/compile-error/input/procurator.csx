Project("api").DependsOn("postgres")
Project("web").Port("8080");
