Project("api").DependsOn("postgress").Port(8080);
Project("worker").DependsOn("apii");
Project("web").DependsOn("billing-service-v2");
