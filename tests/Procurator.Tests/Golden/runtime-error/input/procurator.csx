Project("api");

var ports = new[] { 8080, 8081 };
Project("web").Port(ports[2]);
