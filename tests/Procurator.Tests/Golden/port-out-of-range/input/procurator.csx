Project("api").Port(0);
Project("web").Port(70000).HealthCheck(Tcp(-1));
Service("cache").Kind("redis").Port(65536);
