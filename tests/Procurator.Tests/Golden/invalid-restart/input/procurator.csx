Project("worker", ".").Process("run", "./worker").Restart("sometimes");
Project("web", ".").Port(8080).Process("web", "npm start")
    .Restart("Always")
    .HealthCheck(Tcp(70000));
Project("ok", ".").Process("run", "./ok").Restart("on-failure");
