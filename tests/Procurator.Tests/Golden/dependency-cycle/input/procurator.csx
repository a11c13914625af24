Project("api").DependsOn("worker");
Project("worker").DependsOn("billing");
Project("billing").DependsOn("api");
Project("solo").DependsOn("solo");
Project("lib-a").BuildDependsOn("lib-b");
Project("lib-b").BuildDependsOn("lib-a");
